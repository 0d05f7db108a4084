// Reads the adopted versions of the charter from content/charter/versions/<n>.yaml and checks them against the schema,
// with node:fs and the yaml package, so the same code runs in the Astro build, the local server and a Vercel function
// (vercel.json includes content/charter/** in every function).
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { charterVersionMessages, charterVersionSchema, charterVersionsFolder, type CharterVersion } from '../content-schemas.ts';

export type { CharterVersion, CharterVersionPrinciple } from '../content-schemas.ts';

/**
 * The folder with the versions: CHARTER_VERSIONS_DIR when set (a test site with a version 2); else the project's own,
 * found beside this file (a Vercel function, whatever its working directory) or, when this file was bundled elsewhere
 * (the Astro build), from the working directory, which is then the project root.
 */
export function charterVersionsDir(): string {
  if (process.env.CHARTER_VERSIONS_DIR) return resolve(process.env.CHARTER_VERSIONS_DIR);
  const beside = fileURLToPath(new URL(`../../${charterVersionsFolder}/`, import.meta.url));
  return existsSync(beside) ? beside : resolve(charterVersionsFolder);
}

/** A version file that does not fit the schema, with every problem in Danish. */
export class CharterVersionError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file}: ${problems.join(' ')}`);
    this.name = 'CharterVersionError';
  }
}

const versionFile = /^(\d+)\.yaml$/;

/** Checks one version file's text; the file's number must be the version it states. */
export function parseCharterVersion(file: string, text: string): CharterVersion {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new CharterVersionError(file, [charterVersionMessages.notYaml(error instanceof Error ? error.message : String(error))]);
  }
  const result = charterVersionSchema.safeParse(data);
  if (!result.success) {
    throw new CharterVersionError(
      file,
      result.error.issues.map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`),
    );
  }
  const number = Number(versionFile.exec(file.split('/').at(-1) ?? '')?.[1]);
  if (number !== result.data.version) throw new CharterVersionError(file, [charterVersionMessages.wrongNumber(number, result.data.version)]);
  return result.data;
}

/** Every version in order, checked: numbered 1, 2, 3 … without gaps. */
async function readVersions(dir: string): Promise<CharterVersion[]> {
  const names = (await readdir(dir)).filter((name) => versionFile.test(name));
  const versions = await Promise.all(names.map(async (name) => parseCharterVersion(join(dir, name), await readFile(join(dir, name), 'utf8'))));
  versions.sort((a, b) => a.version - b.version);
  if (versions.length === 0) throw new CharterVersionError(dir, [charterVersionMessages.empty]);
  versions.forEach((v, index) => {
    if (v.version !== index + 1) throw new CharterVersionError(dir, [charterVersionMessages.gap(index + 1)]);
  });
  return versions;
}

const cache = new Map<string, { changed: number; versions: Promise<CharterVersion[]> }>();

/**
 * Every adopted version, oldest first. Read once per process and folder, and again when a file is added to the
 * folder (a running local server sees a new version without a restart; on Vercel the folder never changes).
 */
export function loadCharterVersions(dir = charterVersionsDir()): Promise<CharterVersion[]> {
  const changed = statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const cached = cache.get(dir);
  if (cached && cached.changed === changed) return cached.versions;
  const versions = readVersions(dir);
  versions.catch(() => cache.delete(dir));
  cache.set(dir, { changed, versions });
  return versions;
}

/** The charter as it stands: the newest adopted version. */
export async function currentCharter(dir = charterVersionsDir()): Promise<CharterVersion> {
  return (await loadCharterVersions(dir)).at(-1)!;
}
