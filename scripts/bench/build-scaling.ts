// Build scaling: N synthetic but valid cases in a temporary copy of the site, built cold, against a bare Astro build of the same MDX on a minimal layout.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { municipalityNames } from '../../src/data/municipalities.ts';
import { median, root, run } from './measure.ts';

export interface BuildReport {
  sizes: number[];
  /** Seconds per cold `astro build`, per size, every repeat. */
  site: Record<number, number[]>;
  bare: Record<number, number[]>;
  /** The bare build with the site's own `build.concurrency`: what the site's extra work costs, like for like. */
  bareSame: Record<number, number[]>;
  /** The site's `build.concurrency` (Astro's default is 1). */
  concurrency: number;
}

const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');

/**
 * A node_modules of links to the project's packages, so the copy resolves them, but with its own cache folder
 * (Astro keeps its content store in node_modules/.astro) so that every build is cold.
 */
async function linkModules(dir: string): Promise<void> {
  await mkdir(join(dir, 'node_modules'));
  for (const name of await readdir(join(root, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    await symlink(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  }
}

/**
 * The real cases (pages link to them, and the content check insists those links resolve), plus `count` synthetic
 * copies of them, varied: a new name, title and municipality for each copy.
 */
async function writeCases(dir: string, count: number): Promise<void> {
  const seedDir = join(root, 'content/cases');
  const names = (await readdir(seedDir)).filter((f) => f.endsWith('.mdx')).sort();
  const seeds = await Promise.all(names.map((f) => readFile(join(seedDir, f), 'utf8')));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await Promise.all(names.map((name, i) => writeFile(join(dir, name), seeds[i]!)));
  for (let i = 0; i < count; i++) {
    const municipality = municipalityNames[i % municipalityNames.length]!;
    const text = seeds[i % seeds.length]!
      .replace(/^title: .*$/m, `title: "Syntetisk case nr. ${i + 1} i ${municipality}"`)
      .replace(/^municipality: .*$/m, `municipality: ${municipality}`)
      .replace(/^place: .*$/m, `place: ${municipality}`);
    await writeFile(join(dir, `syntetisk-${String(i + 1).padStart(4, '0')}.mdx`), text);
  }
}

/** A copy of the site in `dir` (sources, config, content), as a git repository as the real one is (the RSS feed asks git for dates). */
async function copySite(dir: string): Promise<void> {
  for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'content']) await cp(join(root, entry), join(dir, entry), { recursive: true });
  await linkModules(dir);
}

/** The site's `build.concurrency` from astro.config.mjs, or Astro's default of 1. */
export async function siteConcurrency(): Promise<number> {
  const config = await readFile(join(root, 'astro.config.mjs'), 'utf8');
  return Number(/^\s*concurrency:\s*(\d+)/m.exec(config)?.[1] ?? 1);
}

const bareConfig = (concurrency?: number) =>
  "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\n" +
  `export default defineConfig({ ${concurrency ? `build: { concurrency: ${concurrency} }, ` : ''}integrations: [mdx()], markdown: { syntaxHighlight: false } });\n`;

const bareFiles: Record<string, string> = {
  'src/content.config.ts':
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { cases: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/cases' }) }) };\n",
  'src/pages/[slug].astro':
    "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('cases')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { Content } = await render(Astro.props.entry);\n---\n<html lang=\"da\"><head><meta charset=\"utf-8\"><title>{Astro.props.entry.data.title}</title></head><body><main><Content /></main></body></html>\n",
  'package.json': '{ "name": "bare", "private": true, "type": "module" }\n',
};

async function copyBare(dir: string, concurrency?: number): Promise<void> {
  for (const [file, text] of Object.entries({ ...bareFiles, 'astro.config.mjs': bareConfig(concurrency) })) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  await linkModules(dir);
}

async function commitAll(dir: string): Promise<void> {
  const git = (...args: string[]) => run('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', ...args], { cwd: dir });
  await git('init', '-q');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'benchmark');
}

/** Seconds for one cold `astro build` in `dir`, after checking that it made a page for every case. */
async function timeBuild(dir: string, casePages: string, count: number): Promise<number> {
  await rm(join(dir, 'dist'), { recursive: true, force: true });
  await rm(join(dir, '.astro'), { recursive: true, force: true });
  await rm(join(dir, 'node_modules/.astro'), { recursive: true, force: true });
  await rm(join(dir, 'node_modules/.vite'), { recursive: true, force: true });
  const began = performance.now();
  await run(process.execPath, [astroBin, 'build', '--silent'], { cwd: dir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - began) / 1000;
  const made = (await readdir(join(dir, 'dist', casePages))).filter((name) => name.startsWith('syntetisk-')).length;
  if (made !== count) throw new Error(`the build in ${dir} made ${made} case pages, not ${count}`);
  return seconds;
}

export async function benchBuild(options: { sizes: number[]; repeats: number }, log: (line: string) => void): Promise<BuildReport> {
  const work = await mkdtemp(join(tmpdir(), 'samskabelse-build-'));
  const concurrency = await siteConcurrency();
  const report: BuildReport = { sizes: options.sizes, site: {}, bare: {}, bareSame: {}, concurrency };
  try {
    const site = join(work, 'site');
    const bare = join(work, 'bare');
    const bareSame = join(work, 'bare-same');
    await copySite(site);
    await copyBare(bare);
    await copyBare(bareSame, concurrency);
    for (const size of options.sizes) {
      await writeCases(join(site, 'content/cases'), size);
      await writeCases(join(bare, 'content/cases'), size);
      await writeCases(join(bareSame, 'content/cases'), size);
      await rm(join(site, '.git'), { recursive: true, force: true });
      await commitAll(site);
      report.site[size] = [];
      report.bare[size] = [];
      report.bareSame[size] = [];
      // Take turns, so a noisy minute hits all alike.
      for (let repeat = 0; repeat < options.repeats; repeat++) {
        report.bare[size]!.push(await timeBuild(bare, '.', size));
        report.bareSame[size]!.push(await timeBuild(bareSame, '.', size));
        report.site[size]!.push(await timeBuild(site, 'cases', size));
        log(
          `  ${size} cases: siden ${report.site[size]!.at(-1)!.toFixed(1)} s, bar Astro ${report.bare[size]!.at(-1)!.toFixed(1)} s, ` +
            `bar Astro med concurrency ${concurrency} ${report.bareSame[size]!.at(-1)!.toFixed(1)} s`,
        );
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return report;
}

export function summariseBuild(report: BuildReport) {
  const [small, large] = report.sizes as [number, number];
  const site = (n: number) => median(report.site[n] ?? []);
  const bare = (n: number) => median(report.bare[n] ?? []);
  const bareSame = (n: number) => median(report.bareSame?.[n] ?? []);
  return {
    small,
    large,
    ratioToBare: { [small]: site(small) / bare(small), [large]: site(large) / bare(large) } as Record<number, number>,
    ratioToBareSame: { [small]: site(small) / bareSame(small), [large]: site(large) / bareSame(large) } as Record<number, number>,
    bareSame,
    growth: site(large) / site(small),
    bareGrowth: bare(large) / bare(small),
    site,
    bare,
  };
}
