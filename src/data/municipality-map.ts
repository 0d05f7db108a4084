// The municipality map as data: 98 simplified SVG paths in drawing units, drawn at build time by src/map/denmark-map.ts
// from src/data/kommuner.topojson and written to dist/ as JSON, so a function (the wall) draws the same map.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MunicipalityShape {
  /** The official code (101 for København), as in src/data/municipalities.ts. */
  code: number;
  name: string;
  /** The municipality's mainland and islands as one SVG path. */
  d: string;
}

export interface MunicipalityMap {
  width: number;
  height: number;
  /** The frame Bornholm is drawn in, at the same scale as the rest. */
  bornholmInset: Box;
  /** One path per municipality, in the order of their codes. */
  municipalities: MunicipalityShape[];
}

/** Where the build puts the map as JSON, under dist/ (bundled with the functions, like the frames). */
export const municipalityMapFile = 'skabelon/kommuner.json';
