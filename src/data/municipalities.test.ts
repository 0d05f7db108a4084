// Checks the municipality list: complete, unique, in the five regions, and every seat placed on Danish land.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { geoContains, geoDistance } from 'd3-geo';
import { municipalities, findMunicipality } from './municipalities.ts';
import { denmarkLand } from '../map/denmark-map.ts';

const REGIONS = ['Region Hovedstaden', 'Region Sjælland', 'Region Syddanmark', 'Region Midtjylland', 'Region Nordjylland'];
const EARTH_RADIUS_KM = 6371;
const COAST_TOLERANCE_KM = 5;

test('there are exactly 98 municipalities', () => {
  assert.equal(municipalities.length, 98);
});

test('municipality codes and names are unique', () => {
  assert.equal(new Set(municipalities.map((m) => m.code)).size, municipalities.length);
  assert.equal(new Set(municipalities.map((m) => m.name)).size, municipalities.length);
});

test('every municipality belongs to one of the five Danish regions', () => {
  for (const m of municipalities) assert.ok(REGIONS.includes(m.region), `${m.name}: ${m.region}`);
  assert.deepEqual(new Set(municipalities.map((m) => m.region)), new Set(REGIONS));
});

test('codes, names and regions agree with kommuner.csv', () => {
  const rows = readFileSync(new URL('./kommuner.csv', import.meta.url), 'utf8').trim().split(/\r?\n/).slice(1);
  assert.equal(rows.length, municipalities.length);
  for (const row of rows) {
    const [code, name, region] = row.split(',');
    const m = findMunicipality(name);
    assert.ok(m, `${name} is missing`);
    assert.equal(m.code, Number(code), name);
    assert.equal(m.region, region, name);
  }
});

test('every seat lies inside the bounding box of Denmark', () => {
  for (const m of municipalities) {
    assert.ok(m.lat >= 54.5 && m.lat <= 57.8, `${m.name}: lat ${m.lat}`);
    assert.ok(m.lon >= 8.0 && m.lon <= 15.2, `${m.name}: lon ${m.lon}`);
  }
});

test('every seat lies on Danish land or within 5 km of its coast', () => {
  const land = denmarkLand();
  const vertices = land.geometry.coordinates.flat(2) as [number, number][];
  const offLand: string[] = [];
  for (const m of municipalities) {
    const point: [number, number] = [m.lon, m.lat];
    if (geoContains(land, point)) continue;
    const nearestKm = Math.min(...vertices.map((v) => geoDistance(point, v))) * EARTH_RADIUS_KM;
    if (nearestKm >= COAST_TOLERANCE_KM) offLand.push(`${m.name} (${nearestKm.toFixed(1)} km from the coast)`);
  }
  assert.deepEqual(offLand, []);
});

test('only Bornholm lies east of the Øresund, so the map can send it to its inset by longitude alone', () => {
  const east = municipalities.filter((m) => m.lon > 13).map((m) => m.name);
  assert.deepEqual(east, ['Bornholm']);
});
