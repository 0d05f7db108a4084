// Draws Denmark at build time: a compact SVG land path with Bornholm in an inset, and a projection for placing points.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import { geoPath, geoTransverseMercator, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  label: string;
  href?: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DenmarkMap {
  width: number;
  height: number;
  /** Denmark proper plus Bornholm (drawn inside `bornholmInset`), as one SVG path. */
  landPath: string;
  /** The frame in the top-right corner that Bornholm is drawn in, at the same scale as the rest. */
  bornholmInset: Box;
  /** Pixel position of a WGS84 coordinate; points on Bornholm land in the inset. */
  project(lon: number, lat: number): [number, number];
}

export interface PlacedPoint extends MapPoint {
  x: number;
  y: number;
}

/** ISO 3166 numeric code of Denmark in world-atlas (Greenland 304 and the Faroes 234 are separate). */
const DENMARK_ID = '208';
/** Everything east of this longitude is Bornholm (Christiansø included). */
export const BORNHOLM_MIN_LON = 14.5;
/** The map's SVG path must stay below this many characters. */
export const PATH_SIZE_LIMIT = 25_000;

/** UTM zone 32 (central meridian 9° E), the projection Danish maps use, so the shape looks familiar. */
const CENTRAL_MERIDIAN = 9;

let land: Feature<MultiPolygon> | undefined;

/** Denmark's land (without Greenland and the Faroes) from Natural Earth 1:10m, in WGS84. */
export function denmarkLand(): Feature<MultiPolygon> {
  if (land) return land;
  // Read, not imported: bundling the 3.6 MB world atlas into the build cost about 1.5 s of every `astro build`
  // (docs/benchmarks.md), and only Denmark is used, once.
  const atlasFile = createRequire(import.meta.url).resolve('world-atlas/countries-10m.json');
  const topology = JSON.parse(readFileSync(atlasFile, 'utf8')) as Topology<{ countries: GeometryCollection }>;
  // Only Denmark's arcs are decoded: turning all 250 countries into GeoJSON first cost about 70 ms of every build.
  const object = topology.objects.countries.geometries.find((g) => String(g.id) === DENMARK_ID);
  if (!object) throw new Error(`world-atlas has no country with id ${DENMARK_ID}`);
  const geometry = (feature(topology, object) as Feature<Polygon | MultiPolygon>).geometry;
  const polygons: Position[][][] =
    geometry.type === 'MultiPolygon' ? geometry.coordinates : geometry.type === 'Polygon' ? [geometry.coordinates] : [];
  land = {
    type: 'Feature',
    properties: { name: 'Danmark' },
    // Keep only Denmark proper (the box around it), in case a later atlas folds in overseas parts.
    geometry: { type: 'MultiPolygon', coordinates: polygons.filter((polygon) => polygon[0].every(inDenmarkProper)) },
  };
  return land;
}

function inDenmarkProper([lon, lat]: Position): boolean {
  return lon > 7 && lon < 16 && lat > 54 && lat < 58;
}

function isBornholm(polygon: Position[][]): boolean {
  return polygon[0].every(([lon]) => lon > BORNHOLM_MIN_LON);
}

function collection(polygons: Position[][][]): FeatureCollection<Polygon> {
  return {
    type: 'FeatureCollection',
    features: polygons.map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } })),
  };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** One decimal is plenty at screen size; drops repeated points and writes relative moves to keep the path short. */
function pathOf(polygons: Position[][][], projection: GeoProjection): string {
  let d = '';
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const points: [number, number][] = [];
      for (const position of ring) {
        const p = projection([position[0], position[1]]);
        if (!p) continue;
        const q: [number, number] = [round1(p[0]), round1(p[1])];
        const last = points.at(-1);
        if (!last || last[0] !== q[0] || last[1] !== q[1]) points.push(q);
      }
      // The ring closes with its first point; `z` does that for us.
      const [first, last] = [points[0], points.at(-1)];
      if (first && last && points.length > 1 && first[0] === last[0] && first[1] === last[1]) points.pop();
      if (points.length < 3) continue;
      d += `M${num(points[0][0])} ${num(points[0][1])}l`;
      for (let i = 1; i < points.length; i++) {
        const dx = round1(points[i][0] - points[i - 1][0]);
        const dy = round1(points[i][1] - points[i - 1][1]);
        d += `${i > 1 && dx >= 0 ? ' ' : ''}${num(dx)}${dy >= 0 ? ' ' : ''}${num(dy)}`;
      }
      d += 'z';
    }
  }
  return d;
}

/** Shortest text for a one-decimal number: 0.5 → ".5", -0.5 → "-.5". */
function num(n: number): string {
  const s = String(round1(n) === 0 ? 0 : round1(n));
  return s.replace(/^(-?)0\./, '$1.');
}

const cache = new Map<number, DenmarkMap>();

/** The map laid out `width` units wide; the height follows from Denmark's shape. */
export function denmarkMap(width = 600): DenmarkMap {
  const cached = cache.get(width);
  if (cached) return cached;

  const polygons = denmarkLand().geometry.coordinates;
  const main = polygons.filter((p) => !isBornholm(p));
  const bornholm = polygons.filter(isBornholm);
  const mainLand = collection(main);
  const pad = Math.round(width * 0.02);

  const projection = geoTransverseMercator().rotate([-CENTRAL_MERIDIAN, 0]).fitWidth(width - 2 * pad, mainLand);
  const [[, y0], [, y1]] = geoPath(projection).bounds(mainLand);
  const height = Math.ceil(y1 - y0) + 2 * pad;
  projection.fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad],
    ],
    mainLand,
  );

  // Bornholm keeps the main map's scale and moves into a frame in the empty Kattegat corner.
  const [[bx0, by0], [bx1, by1]] = geoPath(projection).bounds(collection(bornholm));
  const inner = Math.round(width * 0.015);
  const inset: Box = {
    width: Math.ceil(bx1 - bx0) + 2 * inner,
    height: Math.ceil(by1 - by0) + 2 * inner,
    x: 0,
    y: Math.round(pad / 2),
  };
  inset.x = width - Math.round(pad / 2) - inset.width;
  const [tx, ty] = projection.translate();
  const insetProjection = geoTransverseMercator()
    .rotate(projection.rotate())
    .scale(projection.scale())
    .translate([tx + inset.x + inner - bx0, ty + inset.y + inner - by0]);

  const map: DenmarkMap = {
    width,
    height,
    landPath: pathOf(main, projection) + pathOf(bornholm, insetProjection),
    bornholmInset: inset,
    project(lon, lat) {
      const p = (lon > BORNHOLM_MIN_LON ? insetProjection : projection)([lon, lat]);
      if (!p) throw new Error(`Cannot project ${lon}, ${lat}`);
      return [round1(p[0]), round1(p[1])];
    },
  };
  cache.set(width, map);
  return map;
}

/**
 * Projects points and fans out those that share a spot (several cases in one municipality) on rings
 * around it, so every marker stays visible and clickable. The layout is stable: sorted by id.
 */
export function placePoints(map: DenmarkMap, points: readonly MapPoint[], spread = 9): PlacedPoint[] {
  const groups = new Map<string, MapPoint[]>();
  for (const point of points) {
    const key = map.project(point.lon, point.lat).join(',');
    const group = groups.get(key);
    if (group) group.push(point);
    else groups.set(key, [point]);
  }
  const placed: PlacedPoint[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const [cx, cy] = map.project(group[0].lon, group[0].lat);
    if (group.length === 1) {
      placed.push({ ...group[0], x: cx, y: cy });
      continue;
    }
    // Ring k holds up to 6k points at radius k × spread; the last ring shares out what is left evenly.
    let index = 0;
    for (let ring = 1; index < group.length; ring++) {
      const count = Math.min(6 * ring, group.length - index);
      for (let i = 0; i < count; i++, index++) {
        const angle = -Math.PI / 2 + (2 * Math.PI * i) / count + (ring % 2 === 0 ? Math.PI / count : 0);
        const x = clamp(cx + ring * spread * Math.cos(angle), 0, map.width);
        const y = clamp(cy + ring * spread * Math.sin(angle), 0, map.height);
        placed.push({ ...group[index], x: round1(x), y: round1(y) });
      }
    }
  }
  return placed;
}

const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));
