// Reads a project's content from disk into the shape the checker takes: the one place the checker touches files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { charterVersionsFolder, contentFolders, englishFolders } from '../content-schemas.ts';
import type { Collection, ContentProject, SourceFile } from './check-content.ts';

const textLike = /\.(mdx?|markdown)$/i;

function list(root: string, folder: string): string[] {
  try {
    return readdirSync(join(root, folder), { withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => posix.join(folder, d.name))
      .sort();
  } catch {
    return [];
  }
}

function listDeep(root: string, folder: string, prefix = ''): string[] {
  try {
    return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? listDeep(root, posix.join(folder, d.name), `${prefix}/${d.name}`) : [`${prefix}/${d.name}`],
    );
  } catch {
    return [];
  }
}

/** The first URL segments the site itself uses: its own page files and folders, api/, and vercel.json's rewrites. */
function reservedSlugs(root: string): string[] {
  const names = new Set(['api']);
  try {
    for (const entry of readdirSync(join(root, 'src/pages'))) {
      if (!/^[[_]/.test(entry) && entry !== 'index.astro') names.add(entry.replace(/\.(astro|ts|js|md|mdx)$/, ''));
    }
  } catch {
    // no src/pages: nothing more is reserved
  }
  try {
    const config = JSON.parse(readFileSync(join(root, 'vercel.json'), 'utf8')) as { rewrites?: { source: string }[] };
    for (const rule of config.rewrites ?? []) {
      const first = rule.source.split('/')[1];
      if (first && /^[\w-]+$/.test(first)) names.add(first);
    }
  } catch {
    // no vercel.json
  }
  return [...names];
}

/** The project at `root` (the folder with content/, public/ and src/pages/). */
export function loadProject(root: string): ContentProject {
  const strayFiles: string[] = [];
  const read = (folders: Record<Collection, string>) => {
    const files = {} as Record<Collection, SourceFile[]>;
    for (const [collection, folder] of Object.entries(folders) as [Collection, string][]) {
      const all = list(root, folder);
      files[collection] = all.filter((p) => p.endsWith('.mdx')).map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
      strayFiles.push(...all.filter((p) => textLike.test(p) && !p.endsWith('.mdx')));
    }
    return files;
  };
  const files = read(contentFolders);
  const englishFiles = read(englishFolders);
  const charterVersions = list(root, charterVersionsFolder)
    .filter((p) => p.endsWith('.yaml') || p.endsWith('.yml'))
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
  return {
    files,
    englishFiles,
    strayFiles,
    charterVersions,
    publicPaths: listDeep(root, 'public'),
    reservedPageSlugs: reservedSlugs(root),
    sizeOf(path) {
      const full = join(root, path);
      if (!existsSync(full)) return undefined;
      const stat = statSync(full);
      return stat.isFile() ? stat.size : undefined;
    },
    filesIn: (folder) => list(root, folder),
  };
}
