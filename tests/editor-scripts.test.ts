// The editors' two commands, run as an editor runs them: `npm run check:content` and `npm run new:case`, on a copy of the content.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { checkContent } from '../src/content-checks/check-content.ts';
import { loadProject } from '../src/content-checks/load-project.ts';
import { caseText } from './support/test-project.ts';

const root = resolve(import.meta.dirname, '..');
let work = '';

/** A fresh copy of the content for each test, so one test's files never reach another. */
beforeEach(async () => {
  if (work) await rm(work, { recursive: true, force: true });
  work = await mkdtemp(join(tmpdir(), 'samskabelse-editor-'));
  // src/ too: a page may import a component from it.
  for (const item of ['content', 'public', 'src', 'vercel.json']) await cp(join(root, item), join(work, item), { recursive: true });
});
after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function run(script: string, args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'scripts', script), '--root', work, ...args], { input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check:content', () => {
  it('says the content is fine and exits 0', () => {
    const { code, stdout } = run('check-content.ts', []);
    assert.equal(code, 0);
    assert.match(stdout, /^Indholdet er i orden: \d+ cases, 11 principper og \d+ sider er tjekket\.\n$/);
  });

  it('names file, line and field of every problem, writes annotations and a summary, and exits 1', async () => {
    await writeFile(join(work, 'content/cases/proevecase.mdx'), caseText({ municipality: 'Kolding Kommune' }));
    const summary = join(work, 'summary.md');
    await writeFile(summary, '# Tidligere trin\n');
    const { code, stdout } = run('check-content.ts', ['--format=github', `--summary=${summary}`]);
    assert.equal(code, 1);
    assert.equal(
      stdout,
      [
        '::error file=content/cases/proevecase.mdx,line=4,title=Feltet "municipality"::"Kolding Kommune" er ikke en kommune, vi kender. Skriv kommunens navn uden "Kommune". Mente du "Kolding"?',
        'content/cases/proevecase.mdx, linje 4, feltet "municipality": "Kolding Kommune" er ikke en kommune, vi kender. Skriv kommunens navn uden "Kommune". Mente du "Kolding"?',
        'Fandt 1 problem i 1 fil. Ret dem, og kør npm run check:content igen.',
        '',
      ].join('\n'),
    );
    const markdown = await readFile(summary, 'utf8');
    assert.ok(markdown.startsWith('# Tidligere trin\n## Tjek af indholdet\n'), 'the summary is appended, as GitHub expects');
    assert.match(markdown, /\| 4 \| "municipality" \| "Kolding Kommune" er ikke en kommune, vi kender\./);
  });
});

const flags = [
  '--title', 'Borgerbudget i Gellerup',
  '--summary', 'Beboerne fordelte selv en pulje penge.',
  '--municipality', 'Aarhus',
  '--start', '2019',
  '--end', 'igangværende',
  '--areas', 'demokrati,byudvikling',
  '--kind', 'udviklingsprojekt',
  '--form', 'transformerende',
  '--initiators', 'medarbejdere',
  '--actor', 'Aarhus Kommune:kommune',
  '--actor', 'Beboerne i Gellerup:borgere',
  '--principles', 'ligevaerd,demokratisk-deltagelse',
  '--source', 'Aarhus Kommune|https://aarhus.dk/',
];

describe('npm run new:case', () => {
  it('writes a draft case from flags that passes the content check', async () => {
    const { code, stdout } = run('new-case.ts', ['--yes', ...flags]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /Skrev content\/cases\/borgerbudget-i-gellerup\.mdx\./);
    const file = await readFile(join(work, 'content/cases/borgerbudget-i-gellerup.mdx'), 'utf8');
    assert.match(file, /^municipality: Aarhus$/m);
    assert.match(file, /^ {2}- name: "Beboerne i Gellerup"\n {4}type: borgere$/m);
    assert.match(file, /^draft: true$/m);
    assert.deepEqual(checkContent(loadProject(work)).problems, []);
  });

  it('asks question by question, picks from numbered lists and suggests the right spelling', async () => {
    const answers = [
      'Fælles have i Vollsmose',
      'Beboere og kommunen anlagde en have sammen.',
      'Odnse', // misspelt: asked again
      'Odense',
      '', // no place
      '2020',
      '', // no end
      '', // status: ukendt
      'lokal',
      '', // participation: ukendt
      '1, miljoe-og-klima',
      '2',
      'intermedierende',
      '1',
      'Odense Kommune:komune', // misspelt type: asked again
      'Odense Kommune:kommune',
      '', // no more actors
      'ligevard', // misspelt principle: asked again
      'ligevaerd',
      'Odense Kommune|odense.dk', // no https://: asked again
      'Odense Kommune|https://www.odense.dk/',
      '', // no more sources
      '', // the suggested file name
    ];
    const { code, stdout } = run('new-case.ts', [], answers.join('\n') + '\n');
    assert.equal(code, 0, stdout);
    assert.match(stdout, /"Odnse" er ikke en kommune, vi kender\. Mente du "Odense"\?/);
    assert.match(stdout, /"komune" er ikke en af aktørtyperne\. Mente du "kommune"\?/);
    assert.match(stdout, /"ligevard" er ikke et princip i chartret\. Mente du "ligevaerd"\?/);
    assert.match(stdout, /"odense\.dk" er ikke en fuld webadresse/);
    assert.match(stdout, /1\) social \(Social\)/, 'the areas are listed with their labels');
    const file = await readFile(join(work, 'content/cases/faelles-have-i-vollsmose.mdx'), 'utf8');
    assert.match(file, /^areas: \[social, miljoe-og-klima\]$/m);
    assert.match(file, /^kind: udviklingsprojekt$/m);
    assert.match(file, /^status: ukendt$/m);
    assert.match(file, /^scope: lokal$/m);
    assert.match(file, /^ {4}backs: \[period, scope, form, initiators, actors\]$/m, 'the short source backs the facts given, marked TJEK');
    assert.deepEqual(checkContent(loadProject(work)).problems, []);
  });

  it('stops with a message instead of asking when --yes is given and a field is missing', () => {
    const { code, stderr } = run('new-case.ts', ['--yes', '--title', 'Kun en titel']);
    assert.equal(code, 2);
    assert.match(stderr, /Der mangler et svar på: Resumé/);
  });

  it('refuses a misspelt flag with a suggestion, and an existing file name', () => {
    const misspelt = run('new-case.ts', ['--yes', ...flags.map((f) => (f === 'Aarhus' ? 'Århus' : f))]);
    assert.equal(misspelt.code, 2);
    assert.match(misspelt.stderr, /"Århus" er ikke en kommune, vi kender\. Mente du "Aarhus"\?/);
    const taken = run('new-case.ts', ['--yes', ...flags, '--slug', 'seest']);
    assert.equal(taken.code, 2);
    assert.match(taken.stderr, /Der findes allerede en case med filnavnet seest\.mdx/);
  });
});
