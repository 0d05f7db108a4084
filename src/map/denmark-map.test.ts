// Checks the build-time map of Denmark: the municipal boundaries, orientation, bounds, the Bornholm inset, path sizes,
// simplification and point layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { geoContains } from 'd3-geo';
import { BORNHOLM_MIN_LON, denmarkLand, denmarkMap, municipalityFeatures, placePoints, simplifyLine, type Box, type MapPoint } from './denmark-map.ts';
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

const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;

test('draws the 98 municipalities from the boundaries file, with the codes and names of the municipality list', () => {
  assert.equal(map.municipalities.length, 98);
  for (const shape of map.municipalities) {
    assert.equal(shape.name, municipalities.find((m) => m.code === shape.code)?.name, `code ${shape.code}`);
    assert.match(shape.d, /^M[-\d Mlz]+$/, shape.name);
  }
  assert.ok(!map.municipalities.some((m) => m.code === 411), 'Christiansø is no municipality');
});

test('every municipality keeps its islands: Norddjurs has Anholt, Læsø is its own island', () => {
  const rings = (name: string) => map.municipalities.find((m) => m.name === name)!.d.match(/M/g)!.length;
  assert.ok(rings('Norddjurs') >= 2);
  assert.equal(rings('Læsø') >= 1, true);
  assert.ok(rings('Svendborg') > 3, 'Tåsinge, Thurø and the small islands');
});

test('every seat lies inside its own municipality (or within a few hundred metres of its coast)', () => {
  const byCode = new Map(municipalityFeatures().features.map((f) => [f.properties.code, f]));
  const outside = municipalities.filter((m) => !geoContains(byCode.get(m.code)!, [m.lon, m.lat]));
  // Seats on the water's edge (harbour towns) may fall just outside a 1:500,000 coastline; none may lie in a neighbour.
  for (const m of outside) {
    for (const other of byCode.values()) {
      if (other.properties.code !== m.code) assert.ok(!geoContains(other, [m.lon, m.lat]), `${m.name}'s seat lies in ${other.properties.name}`);
    }
  }
  assert.ok(outside.length <= 10, `${outside.map((m) => m.name).join(', ')} lie outside their municipality`);
});

test('the paths stay small: the 98 municipalities and the land with its borders each well under a page budget', () => {
  const shapes = map.municipalities.map((m) => `<path d="${m.d}"/>`).join('');
  assert.ok(gzipped(shapes) < 7 * 1024, `municipalities: ${gzipped(shapes)} bytes gzipped`);
  assert.ok(gzipped(map.landPath + map.bordersPath) < 5 * 1024, `land and borders: ${gzipped(map.landPath + map.bordersPath)} bytes gzipped`);
  assert.match(map.landPath, /^M[-\d Mlz]+$/);
  assert.match(map.bordersPath, /^M[-\d Mlz]+$/);
});

test('simplifying drops the points of small wiggles and keeps both ends, so neighbours sharing a border still meet', () => {
  const wiggly = [[0, 0], [1, 0.2], [2, 0], [3, 5], [4, 0], [5, 0.1], [6, 0]];
  const simple = simplifyLine(wiggly, 1);
  assert.deepEqual(simple[0], [0, 0]);
  assert.deepEqual(simple.at(-1), [6, 0]);
  assert.ok(simple.some(([x, y]) => x === 3 && y === 5), 'the big spike stays');
  assert.ok(!simple.some(([x]) => x === 1 || x === 5), 'the small wiggles go');
  assert.deepEqual(simplifyLine([[0, 0], [9, 9]], 100), [[0, 0], [9, 9]]);
});

test('a coarser simplification gives shorter paths', () => {
  const size = (m: typeof map) => m.municipalities.reduce((sum, s) => sum + s.d.length, 0);
  assert.ok(size(denmarkMap(600, 8)) < size(map));
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
