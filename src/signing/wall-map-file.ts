// Reads the municipality map that the build wrote next to the frames (src/pages/skabelon/kommuner.json.ts), once per
// process: the same simplified paths as the case map, bundled with the function like the frames (vercel.json).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { municipalityMapFile, type MunicipalityMap } from '../data/municipality-map.ts';

let loaded: Promise<MunicipalityMap> | undefined;

export function builtMunicipalityMap(): Promise<MunicipalityMap> {
  if (!loaded) {
    const file = join(resolve(process.env.DIST_DIR ?? 'dist'), municipalityMapFile);
    loaded = readFile(file, 'utf8').then((text) => JSON.parse(text) as MunicipalityMap);
    // A failed read (a build still running) is tried again on the next request.
    loaded.catch(() => (loaded = undefined));
  }
  return loaded;
}
