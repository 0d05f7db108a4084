// Checks the build-time map of Denmark: orientation, bounds, the Bornholm inset, path size and point layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BORNHOLM_MIN_LON, PATH_SIZE_LIMIT, denmarkLand, denmarkMap, placePoints, type Box, type MapPoint } from './denmark-map.ts';
import { findMunicipality, municipalities } from '../data/municipalities.ts';

const map = denmarkMap();

function seat(name: string): [number, number] {
  const m = findMunicipality(name);
  assert.ok(m, name);
  return map.project(m.lon, m.lat);
}

const inside = (box: Box, [x, y]: [number, number]): boolean =>
  x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;

test('the land outline is Denmark proper, without Greenland or the Faroes', () => {
  for (const [lon, lat] of denmarkLand().geometry.coordinates.flat(2)) {
    assert.ok(lon > 8 && lon < 15.2 && lat > 54.5 && lat < 57.8, `${lon}, ${lat}`);
  }
});

test('Copenhagen lies east of Aarhus, and Aarhus north of Kolding', () => {
  const [copenhagenX] = seat('København');
  const [aarhusX, aarhusY] = seat('Aarhus');
  const [, koldingY] = seat('Kolding');
  assert.ok(copenhagenX > aarhusX);
  assert.ok(aarhusY < koldingY, 'north is up, so Aarhus has the smaller y');
});

test('every municipality projects inside the drawing', () => {
  for (const m of municipalities) {
    const [x, y] = map.project(m.lon, m.lat);
    assert.ok(x >= 0 && x <= map.width && y >= 0 && y <= map.height, `${m.name}: ${x}, ${y}`);
  }
});

test('Rønne lands inside the Bornholm inset and no other seat does', () => {
  assert.ok(inside(map.bornholmInset, map.project(14.706, 55.101)), 'Rønne');
  for (const m of municipalities) {
    assert.equal(inside(map.bornholmInset, map.project(m.lon, m.lat)), m.name === 'Bornholm', m.name);
  }
});

test('the inset covers no part of Denmark proper and stays inside the drawing', () => {
  const box = map.bornholmInset;
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= map.width && box.y + box.height <= map.height);
  for (const [lon, lat] of denmarkLand().geometry.coordinates.flat(2)) {
    if (lon > BORNHOLM_MIN_LON) continue;
    assert.ok(!inside(box, map.project(lon, lat)), `${lon}, ${lat} is under the inset`);
  }
});

test('the land path is a non-empty SVG path below the size limit', () => {
  assert.ok(map.landPath.length > 1000);
  assert.ok(map.landPath.length < PATH_SIZE_LIMIT, `${map.landPath.length} characters`);
  assert.match(map.landPath, /^M[-\d. Mlz]+$/);
  // Fifteen islands and peninsulas in Natural Earth 1:10m, each a closed subpath.
  assert.equal(map.landPath.match(/M/g)?.length, denmarkLand().geometry.coordinates.length);
});

test('the height follows the width, so a wider map is a scaled copy', () => {
  const wide = denmarkMap(900);
  assert.ok(Math.abs(wide.height / wide.width - map.height / map.width) < 0.01);
  assert.equal(denmarkMap(), map, 'the same width is computed once');
});

test('a single point sits exactly on its place', () => {
  const [point] = placePoints(map, [{ id: 'a', label: 'A', lat: 56.157, lon: 10.211 }]);
  assert.deepEqual([point.x, point.y], map.project(10.211, 56.157));
});

test('points in the same municipality fan out around it without landing on each other', () => {
  const points: MapPoint[] = Array.from({ length: 9 }, (_, i) => ({ id: `case-${i}`, label: `Case ${i}`, lat: 55.49, lon: 9.47 }));
  const placed = placePoints(map, points, 9);
  const [cx, cy] = map.project(9.47, 55.49);
  assert.equal(placed.length, 9);
  assert.equal(new Set(placed.map((p) => `${p.x},${p.y}`)).size, 9);
  for (const p of placed) assert.ok(Math.hypot(p.x - cx, p.y - cy) <= 2 * 9 + 0.1, p.id);
  for (const [i, p] of placed.entries()) {
    for (const q of placed.slice(i + 1)) assert.ok(Math.hypot(p.x - q.x, p.y - q.y) >= 7, `${p.id} and ${q.id} overlap`);
  }
});

test('the fan-out does not depend on the order the points come in', () => {
  const points: MapPoint[] = ['c', 'a', 'b'].map((id) => ({ id, label: id, lat: 55.676, lon: 12.568, href: `/cases/${id}/` }));
  const one = placePoints(map, points);
  const other = placePoints(map, [...points].reverse());
  const byId = (list: typeof one) => Object.fromEntries(list.map((p) => [p.id, [p.x, p.y]]));
  assert.deepEqual(byId(one), byId(other));
  assert.equal(one.find((p) => p.id === 'a')?.href, '/cases/a/');
});
