// `npm run audit`: Lighthouse (mobile) on the main page types of the built site, served by the real local server (the
// home page and the wall come from functions); writes the scores to docs/benchmarks.md.
// `npm run audit -- --signatories=100000` measures against a fresh PGlite in a temporary folder holding that many
// published signatories (tests/support/signatory-seed.ts), so the wall is audited at scale and no real database is touched.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startServer } from '../src/dev-server/local-server.ts';
import { closeRuntime, database, migrateLocalDatabase } from '../src/platform/runtime.ts';
import { seedSignatories } from '../tests/support/signatory-seed.ts';

const run = promisify(execFile);
const pages = {
  Forside: '/',
  Charter: '/charter/',
  Princip: '/charter/ligevaerd/',
  Caseliste: '/cases/',
  Case: '/cases/seest/',
  Underskrivere: '/underskrivere/',
  'Ændringer': '/charter/aendringer/',
  'Home (en)': '/en/',
  'Charter (en)': '/en/charter/',
  'Principle (en)': '/en/charter/ligevaerd/',
  'Cases (en)': '/en/cases/',
  'Case (en)': '/en/cases/seest/',
  'Signatories (en)': '/en/signatories/',
};
const seeded = Number(/^--signatories=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--signatories=')) ?? '')?.[1] ?? 0);
if (seeded > 0) {
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = await mkdtemp(join(tmpdir(), 'samskabelse-audit-'));
}
const lighthouse = resolve('node_modules/lighthouse/cli/index.js');
const chromeFlags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync';

interface Report {
  categories: Record<string, { title: string; score: number | null }>;
}

await migrateLocalDatabase();
if (seeded > 0) {
  await seedSignatories(await database(), seeded);
  console.log(`${seeded} underskrivere lagt i ${process.env.DATA_DIR}`);
}
const server = await startServer({ port: 0 });
const site = { url: (path: string) => `${server.url}${path}` };
// The first request opens (and locally may create) the database, and the first wall query after seeding warms PGlite's
// cache; measure the pages, not that one-time start (without it Lighthouse can lose the wall's navigation: NO_NAVSTART).
for (const path of ['/', '/underskrivere/', '/en/signatories/']) await (await fetch(site.url(path))).text();
const rows: string[] = [];
let titles: string[] = [];
try {
  for (const [name, path] of Object.entries(pages)) {
    const { stdout } = await run(
      process.execPath,
      [lighthouse, site.url(path), '--output=json', '--quiet', `--chrome-flags=${chromeFlags}`, '--form-factor=mobile'],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout) as Report;
    const categories = Object.values(report.categories);
    titles = categories.map((c) => c.title);
    const scores = categories.map((c) => (c.score === null ? 'n/a' : String(Math.round(c.score * 100))));
    rows.push(`| ${name} (\`${path}\`) | ${scores.join(' | ')} |`);
    console.log(`${name}: ${categories.map((c, i) => `${c.title} ${scores[i]}`).join(', ')}`);
  }
} finally {
  await server.close();
  await closeRuntime();
  if (seeded > 0) await rm(process.env.DATA_DIR!, { recursive: true, force: true });
}

const section = [
  '<!-- lighthouse:start -->',
  `Målt ${new Date().toISOString().slice(0, 10)} med Lighthouse (mobil) mod den byggede side, Chromium \`/usr/bin/chromium\`${seeded > 0 ? `, med ${seeded.toLocaleString('da-DK')} underskrivere på væggen` : ''}.`,
  '',
  `| Side | ${titles.join(' | ')} |`,
  `| --- | ${titles.map(() => '---').join(' | ')} |`,
  ...rows,
  '<!-- lighthouse:end -->',
].join('\n');

const file = resolve('docs/benchmarks.md');
const current = await readFile(file, 'utf8').catch(() => '# Benchmarks\n\n## Lighthouse\n\n<!-- lighthouse:start -->\n<!-- lighthouse:end -->\n');
await writeFile(file, current.replace(/<!-- lighthouse:start -->[\s\S]*<!-- lighthouse:end -->/, section));
console.log(`Skrev resultaterne i ${file}`);
