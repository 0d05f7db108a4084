// Draws Denmark at build time from the 98 municipalities' real boundaries (DAGI, src/data/kommuner.topojson): the land,
// the borders between municipalities and one path per municipality, simplified on the shared arcs so neighbours still
// meet, with Bornholm in an inset, and a projection for placing points.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature, merge, mesh } from 'topojson-client';
import { geoPath, geoTransverseMercator, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Box, MunicipalityMap } from '../data/municipality-map.ts';
import { municipalities } from '../data/municipalities.ts';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  label: string;
  href?: string;
}

export interface DenmarkMap extends MunicipalityMap {
  /** Denmark's land: the outline of all municipalities together (Bornholm drawn inside `bornholmInset`). */
  landPath: string;
  /** The borders between municipalities, each drawn once (not filled). */
  bordersPath: string;
  /** Pixel position of a WGS84 coordinate; points on Bornholm land in the inset. */
  project(lon: number, lat: number): [number, number];
}

export type { Box, MunicipalityMap, MunicipalityShape } from '../data/municipality-map.ts';

export interface PlacedPoint extends MapPoint {
  x: number;
  y: number;
}

/** Everything east of this longitude is Bornholm (Christiansø included). */
export const BORNHOLM_MIN_LON = 14.5;
/** Christiansø is in the file but is no municipality (it is governed by the state), so it is left out. */
const CHRISTIANSOE = 411;
/**
 * Points whose triangle with their neighbours is smaller than this (in square drawing units at width 600) are dropped
 * (Visvalingam). 5 keeps the fjords and islands a reader would recognise at the map's size and brings 35,000 points
 * down to a few thousand: about 6 KB gzip for the 98 municipalities, and /kort/ within its 14 KB.
 */
export const SIMPLIFY_AREA = 5;

/** UTM zone 32 (central meridian 9° E), the projection Danish maps use, so the shape looks familiar. */
const CENTRAL_MERIDIAN = 9;

interface KommuneProperties {
  KOMKODE: string;
  KOMNAVN: string;
}

type Kommuner = Topology<{ stdin: GeometryCollection<KommuneProperties> }>;
interface Kommune {
  code: number;
  name: string;
}
type ByCode = Topology<{ kommuner: GeometryCollection<Kommune> }>;

/** The municipalities of a topology made by `municipalityTopology`, which are all MultiPolygons with properties. */
const shapesOf = (topology: ByCode) => topology.objects.kommuner.geometries as (TopoMultiPolygon<Kommune> & { properties: Kommune })[];

let source: ByCode | undefined;

/**
 * The boundaries file, with the polygons of each municipality gathered into one MultiPolygon (islands included) and
 * Christiansø left out. Read from disk, not imported, so the bundler never carries the raw file.
 */
function municipalityTopology(): ByCode {
  if (source) return source;
  // Astro builds from the project root, and so do the tests and scripts.
  const file = join(process.cwd(), 'src/data/kommuner.topojson');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Kommuner;
  const byCode = new Map<number, { name: string; arcs: number[][][] }>();
  for (const geometry of topology.objects.stdin.geometries) {
    const properties = geometry.properties as KommuneProperties;
    const code = Number(properties.KOMKODE);
    if (code === CHRISTIANSOE) continue;
    const polygons: number[][][] = geometry.type === 'Polygon' ? [(geometry as TopoPolygon).arcs] : geometry.type === 'MultiPolygon' ? (geometry as TopoMultiPolygon).arcs : [];
    // The file spells a few names its own way ("Høje Taastrup"); the municipality list is the one spelling we use.
    const name = municipalities.find((m) => m.code === code)?.name;
    if (!name) throw new Error(`kommuner.topojson: ${properties.KOMNAVN} has the unknown code ${properties.KOMKODE}`);
    const entry = byCode.get(code) ?? { name, arcs: [] };
    entry.arcs.push(...polygons);
    byCode.set(code, entry);
  }
  const geometries = [...byCode]
    .sort(([a], [b]) => a - b)
    .map(([code, { name, arcs }]): TopoMultiPolygon<Kommune> => ({ type: 'MultiPolygon', arcs, properties: { code, name } }));
  source = { type: 'Topology', transform: topology.transform, arcs: topology.arcs, objects: { kommuner: { type: 'GeometryCollection', geometries } } };
  return source;
}

/** The 98 municipalities in WGS84, unsimplified. */
export function municipalityFeatures(): FeatureCollection<MultiPolygon, { code: number; name: string }> {
  const topology = municipalityTopology();
  return feature(topology, topology.objects.kommuner) as FeatureCollection<MultiPolygon, { code: number; name: string }>;
}

let land: Feature<MultiPolygon> | undefined;

/**
 * Denmark's land in WGS84: every polygon of the 98 municipalities, unsimplified. Not merged: in the file, a few
 * neighbours' borders are drawn twice rather than shared, and a merge would leave those as holes in the land.
 */
export function denmarkLand(): Feature<MultiPolygon> {
  land ??= { type: 'Feature', properties: { name: 'Danmark' }, geometry: { type: 'MultiPolygon', coordinates: municipalityFeatures().features.flatMap((f) => f.geometry.coordinates) } };
  return land;
}

const isBornholm = (polygon: Position[][]): boolean => polygon[0]!.every(([lon]) => lon! > BORNHOLM_MIN_LON);

function collection(polygons: Position[][][]): FeatureCollection<Polygon> {
  return {
    type: 'FeatureCollection',
    features: polygons.map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } })),
  };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Twice the area of the triangle a-b-c. */
const triangle = (a: number[], b: number[], c: number[]): number => Math.abs((b[0]! - a[0]!) * (c[1]! - a[1]!) - (c[0]! - a[0]!) * (b[1]! - a[1]!)) / 2;

/**
 * Visvalingam–Whyatt on one arc: repeatedly drops the point with the smallest triangle until every triangle is at
 * least `minArea`. The ends stay, so two municipalities that share the arc still meet exactly.
 */
export function simplifyLine(points: number[][], minArea: number): number[][] {
  if (points.length <= 2) return points;
  const keep = points.map(() => true);
  const prev = points.map((_, i) => i - 1);
  const next = points.map((_, i) => i + 1);
  const area = points.map((p, i) => (i === 0 || i === points.length - 1 ? Infinity : triangle(points[i - 1]!, p, points[i + 1]!)));
  // Arcs hold at most a few thousand points, so a linear scan for the smallest is fast enough at build time.
  for (;;) {
    let smallest = -1;
    for (let i = 1; i < points.length - 1; i++) if (keep[i] && (smallest < 0 || area[i]! < area[smallest]!)) smallest = i;
    if (smallest < 0 || area[smallest]! >= minArea) break;
    keep[smallest] = false;
    const [p, n] = [prev[smallest]!, next[smallest]!];
    next[p] = n;
    prev[n] = p;
    // A neighbour's new triangle never counts as smaller than the one just removed, so the order stays monotone.
    if (p > 0) area[p] = Math.max(area[smallest]!, triangle(points[prev[p]!]!, points[p]!, points[n]!));
    if (n < points.length - 1) area[n] = Math.max(area[smallest]!, triangle(points[p]!, points[n]!, points[next[n]!]!));
  }
  return points.filter((_, i) => keep[i]);
}

/** A copy of the topology in drawing units: every arc projected (Bornholm's into the inset) and simplified. */
function projectedTopology(topology: ByCode, project: (lon: number, lat: number) => [number, number], minArea: number): ByCode {
  const [sx, sy] = topology.transform!.scale;
  const [tx, ty] = topology.transform!.translate;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const points = arc.map(([dx, dy]) => {
      x += dx!;
      y += dy!;
      return project(x * sx + tx, y * sy + ty);
    });
    return simplifyLine(points, minArea);
  });
  return { type: 'Topology', arcs, objects: topology.objects };
}

/**
 * Whole drawing units (half a pixel at most on the widest screen), repeated points dropped, relative moves: a compact
 * path for lines or rings. Whole units cut the municipalities' paths by a third against one decimal.
 */
function pathOf(lines: Position[][], close: boolean): string {
  let d = '';
  for (const line of lines) {
    const points: [number, number][] = [];
    for (const [x, y] of line) {
      const q: [number, number] = [Math.round(x!), Math.round(y!)];
      const last = points.at(-1);
      if (!last || last[0] !== q[0] || last[1] !== q[1]) points.push(q);
    }
    if (close) {
      // The ring closes with its first point; `z` does that for us.
      const [first, last] = [points[0], points.at(-1)];
      if (first && last && points.length > 1 && first[0] === last[0] && first[1] === last[1]) points.pop();
      if (points.length < 3) continue;
    } else if (points.length < 2) continue;
    d += `M${points[0]![0]} ${points[0]![1]}l`;
    for (let i = 1; i < points.length; i++) {
      const dx = points[i]![0] - points[i - 1]![0];
      const dy = points[i]![1] - points[i - 1]![1];
      d += `${i > 1 && dx >= 0 ? ' ' : ''}${dx}${dy >= 0 ? ' ' : ''}${dy}`;
    }
    if (close) d += 'z';
  }
  return d;
}

const cache = new Map<string, DenmarkMap>();

/** The map laid out `width` units wide; the height follows from Denmark's shape. */
export function denmarkMap(width = 600, minArea = SIMPLIFY_AREA): DenmarkMap {
  const key = `${width}:${minArea}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const polygons = denmarkLand().geometry.coordinates;
  const mainLand = collection(polygons.filter((p) => !isBornholm(p)));
  const bornholm = collection(polygons.filter(isBornholm));
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
  const [[bx0, by0], [bx1, by1]] = geoPath(projection).bounds(bornholm);
  const inner = Math.round(width * 0.015);
  const inset: Box = {
    width: Math.ceil(bx1 - bx0) + 2 * inner,
    height: Math.ceil(by1 - by0) + 2 * inner,
    x: 0,
    y: Math.round(pad / 2),
  };
  inset.x = width - Math.round(pad / 2) - inset.width;
  const [tx, ty] = projection.translate();
  const insetProjection: GeoProjection = geoTransverseMercator()
    .rotate(projection.rotate())
    .scale(projection.scale())
    .translate([tx + inset.x + inner - bx0, ty + inset.y + inner - by0]);
  const project = (lon: number, lat: number): [number, number] => {
    const p = (lon > BORNHOLM_MIN_LON ? insetProjection : projection)([lon, lat]);
    if (!p) throw new Error(`Cannot project ${lon}, ${lat}`);
    return p;
  };

  // Simplifying the shared arcs, not each municipality's rings, is what keeps neighbours meeting without gaps.
  const drawn = projectedTopology(municipalityTopology(), project, minArea * (width / 600) ** 2);
  const shapes = shapesOf(drawn);
  const merged = merge(drawn, shapes).coordinates;
  const map: DenmarkMap = {
    width,
    height,
    bornholmInset: inset,
    municipalities: shapes.map((shape) => {
      const { geometry } = feature(drawn, shape) as Feature<MultiPolygon>;
      return { code: shape.properties.code, name: shape.properties.name, d: pathOf(geometry.coordinates.flat(), true) };
    }),
    // The land is the outer ring of each merged island. Where the file draws a border twice instead of sharing it,
    // the merge leaves a hole along it: those rings are borders too.
    landPath: pathOf(merged.map((polygon) => polygon[0]!), true),
    bordersPath: pathOf(mesh(drawn, drawn.objects.kommuner, (a, b) => a !== b).coordinates, false) + pathOf(merged.flatMap((polygon) => polygon.slice(1)), true),
    project(lon, lat) {
      const [x, y] = project(lon, lat);
      return [round1(x), round1(y)];
    },
  };
  cache.set(key, map);
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
    const [cx, cy] = map.project(group[0]!.lon, group[0]!.lat);
    if (group.length === 1) {
      placed.push({ ...group[0]!, x: cx, y: cy });
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
        placed.push({ ...group[index]!, x: round1(x), y: round1(y) });
      }
    }
  }
  return placed;
}

const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));
