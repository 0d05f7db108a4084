// `npm run bench`: signing throughput (with pgbench as the yardstick), build scaling, page weight and cold start, written to docs/benchmarks.md.
// `npm run bench -- --quick` is a short smoke run; `--only=signing,build,weight,cold,wave,wall` picks sections; `--wave-minutes=N`
// shortens the mail wave (10 minutes of 1,000 signings a minute; 1 with --quick); wall: the signatory wall at
// 1,000 → 10,000 → 100,000, written to its own block (`--wall-sizes=…` overrides the sizes); `--profile=DIR`
// writes a CPU profile of the signing server; `--repeats=N`, `--levels=10,100` (connections), `--seconds=N` (per signing
// run) and `--cases=1000,2000` override those settings;
// enumeration: p50 of known against unknown organisations and addresses for signing, joining and admin login
// (`--tries=N`, default 200), written to its own block; `--no-write` prints the section instead of writing it.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBuild, type BuildReport } from './bench/build-scaling.ts';
import { benchColdStart, type ColdStartReport } from './bench/cold-start.ts';
import { describeMachine, root } from './bench/measure.ts';
import { benchPageWeight, type PageWeightReport } from './bench/page-weight.ts';
import { mergeSections, renderReport } from './bench/report.ts';
import { benchSigning, type SigningReport } from './bench/signing.ts';
import { benchWave, type WaveReport } from './bench/wave.ts';
import { benchWall, renderWallReport } from './bench/wall.ts';
import { benchEnumeration, renderEnumerationReport } from './bench/enumeration.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    profile: { type: 'string' },
    repeats: { type: 'string' },
    cases: { type: 'string' },
    levels: { type: 'string' },
    seconds: { type: 'string' },
    'wave-minutes': { type: 'string' },
    'wall-sizes': { type: 'string' },
    tries: { type: 'string' },
  },
});
const quick = values.quick!;
const sections = new Set((values.only ?? 'signing,build,weight,cold,wave,wall,enumeration').split(',').map((s) => s.trim()));
const repeats = (quickly: number, fully: number) => (values.repeats ? Number(values.repeats) : quick ? quickly : fully);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const log = (line: string) => console.log(line);

const machine = await describeMachine();
log(`bench${quick ? ' --quick' : ''}: ${machine.cpu}, ${machine.cores} kerner, belastning ${machine.load}`);

let signing: SigningReport | undefined;
let build: BuildReport | undefined;
let weight: PageWeightReport | undefined;
let cold: ColdStartReport | undefined;
let wave: WaveReport | undefined;

if (sections.has('weight')) {
  log('Sidevægt (som den lokale server sender siderne)');
  weight = await benchPageWeight(join(root, 'dist'), log);
}
if (sections.has('cold')) {
  log('Kold start');
  cold = await benchColdStart({ databaseUrl, repeats: repeats(1, 5) }, log);
}
if (sections.has('signing')) {
  log(`Underskrifter pr. sekund mod PostgreSQL (${databaseUrl.replace(/\/\/[^@]*@/, '//')})`);
  const levels = values.levels ? values.levels.split(',').map(Number) : quick ? [10, 50] : [10, 50, 100, 200];
  const seconds = values.seconds ? Number(values.seconds) : quick ? 5 : 60;
  signing = await benchSigning({ databaseUrl, levels, seconds, repeats: repeats(1, 3), pgbenchClients: 10, profileDir: values.profile }, log);
}
if (sections.has('build')) {
  log('Byggetid');
  const sizes = values.cases ? values.cases.split(',').map(Number) : quick ? [100, 200] : [1000, 2000];
  build = await benchBuild({ sizes, repeats: repeats(1, 5) }, log);
}

if (sections.has('wave')) {
  const minutes = values['wave-minutes'] ? Number(values['wave-minutes']) : quick ? 1 : 10;
  log(`Mailbølgen: 1.000 underskrifter i minuttet i ${minutes} minutter, Resend med 2 kald i sekundet`);
  wave = await benchWave({ databaseUrl, minutes, perMinute: 1000, cronSeconds: 60 }, log);
  log(`  p50 ${wave.latency.p50} s, p95 ${wave.latency.p95} s, p99 ${wave.latency.p99} s; ${wave.mailsAccepted} mails, ${wave.duplicates} dobbelt, ${wave.missing} mangler, ${wave.throttled} × 429`);
}

async function postgresVersion(): Promise<string> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return `PostgreSQL ${rows[0]?.server_version ?? ''}`.trim();
  } finally {
    await client.end();
  }
}

let wallSection: string | undefined;
if (sections.has('wall')) {
  log('Væggen med mange underskrivere');
  const sizes = values['wall-sizes'] ? values['wall-sizes'].split(',').map(Number) : quick ? [1000, 10_000] : [1000, 10_000, 100_000];
  const runs = await benchWall({ databaseUrl, sizes, requests: quick ? 50 : 200 }, log);
  wallSection = renderWallReport(runs, machine, await postgresVersion());
}

let enumerationSection: string | undefined;
if (sections.has('enumeration')) {
  const tries = values.tries ? Number(values.tries) : quick ? 40 : 200;
  log(`Samme svar, samme tid: ${tries} forsøg med kendt og ukendt organisation eller adresse`);
  const runs = await benchEnumeration({ databaseUrl, tries }, log);
  enumerationSection = renderEnumerationReport(runs, tries, machine, await postgresVersion());
}

const section = renderReport({ machine, quick, signing, build, weight, cold, wave });
if (values['no-write']) {
  console.log(section);
  if (wallSection) console.log(wallSection);
  if (enumerationSection) console.log(enumerationSection);
} else {
  const file = join(root, 'docs/benchmarks.md');
  const current = await readFile(file, 'utf8');
  const marked = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/;
  const block = marked.exec(current)?.[0];
  // A full run replaces the whole block. A run of some sections (--only) replaces just those, each marked with
  // when and where it was measured, and keeps the others as the last full run left them.
  // The wall and the enumeration sections have blocks of their own, replaced whole when they were measured.
  const ownBlocks: Record<string, string | undefined> = { wall: wallSection, enumeration: enumerationSection };
  const withOwnBlocks = (text: string) => {
    let result = text;
    for (const [name, own] of Object.entries(ownBlocks)) {
      if (!own) continue;
      const ownBlock = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
      result = ownBlock.test(result) ? result.replace(ownBlock, () => own) : `${result.trimEnd()}\n\n${own}\n`;
    }
    return result;
  };
  const onlyOwnBlocks = values.only?.split(',').every((s) => s.trim() in ownBlocks);
  const next = onlyOwnBlocks ? withOwnBlocks(current) : withOwnBlocks(!block
    ? `${current.trimEnd()}\n\n${section}\n`
    : current.replace(marked, () => (values.only && !quick ? mergeSections(block, section, `_Målt for sig ${machine.date} (\`npm run bench -- --only=${values.only}\`), commit ${machine.commit}, ${machine.cpu}, ${machine.cores} kerner, belastning ved start ${machine.load}._`) : section)));
  await writeFile(file, next);
  log(`Skrev resultaterne i ${file}`);
}
