import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { contentFolders } from '../content-schemas.ts';
import { adoptedDate, adoptedLabel, principleHistory, versionChanges } from './charter-history.ts';
import { CharterVersionError, currentCharter, loadCharterVersions, parseCharterVersion } from './charter-versions.ts';
import type { CharterVersion } from './charter-versions.ts';

const root = join(import.meta.dirname, '../..');

async function principleFiles(): Promise<{ slug: string; number: number; title: string; summary: string }[]> {
  const dir = join(root, contentFolders.principles);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.mdx'));
  return Promise.all(
    names.map(async (name) => {
      const frontmatter = parse((await readFile(join(dir, name), 'utf8')).split(/^---$/m)[1]!);
      return { slug: name.replace(/\.mdx$/, ''), ...frontmatter };
    }),
  );
}

const version = (n: number, wordings: Record<string, string>, extra = ''): string =>
  `version: ${n}\nadopted: ${2016 + n}\nsummary: Version ${n}.${extra}\nprinciples:\n` +
  Object.entries(wordings)
    .map(([slug, wording], i) => `  - slug: ${slug}\n    number: ${i + 1}\n    title: Titel ${slug}\n    wording: ${wording}\n`)
    .join('');

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'charter-versions-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('the charter versions in content/charter/versions', () => {
  test('the current version is word for word the principles on the site (title and summary), so the two cannot drift', async () => {
    const current = await currentCharter(join(root, 'content/charter/versions'));
    const files = await principleFiles();
    assert.deepEqual(
      current.principles.map((p) => ({ slug: p.slug, number: p.number, title: p.title, summary: p.wording })).sort((a, b) => a.number - b.number),
      files.map(({ slug, number, title, summary }) => ({ slug, number, title, summary })).sort((a, b) => a.number - b.number),
    );
  });

  test('version 1 was adopted in 2017, and only the year is given', async () => {
    const [first] = await loadCharterVersions(join(root, 'content/charter/versions'));
    assert.equal(first!.version, 1);
    assert.equal(first!.adopted, '2017');
    assert.equal(adoptedLabel(first!.adopted, 'da-DK'), '2017');
  });
});

describe('parseCharterVersion', () => {
  test('accepts a day or a year as the adoption, and shows a day in full', () => {
    assert.equal(parseCharterVersion('1.yaml', version(1, { a: 'Ord.' })).adopted, '2017');
    const day = parseCharterVersion('2.yaml', version(2, { a: 'Ord.' }).replace('adopted: 2018', 'adopted: 2026-03-02'));
    assert.equal(day.adopted, '2026-03-02');
    assert.equal(adoptedLabel(day.adopted, 'da-DK'), '2. marts 2026');
    assert.equal(adoptedLabel(day.adopted, 'en-GB'), '2 March 2026');
    assert.equal(adoptedDate(day.adopted).toISOString(), '2026-03-02T00:00:00.000Z');
    assert.equal(adoptedDate('2017').toISOString(), '2017-01-01T00:00:00.000Z');
  });

  test('refuses a day that is not in the calendar, with a Danish message naming the file', () => {
    assert.throws(
      () => parseCharterVersion('content/charter/versions/2.yaml', version(2, { a: 'Ord.' }).replace('adopted: 2018', 'adopted: "2026-02-30"')), /findes i kalenderen/);
    assert.throws(() => parseCharterVersion('2.yaml', version(2, { a: 'Ord.' }).replace('adopted: 2018', 'adopted: "2026-13-45"')),
      (error: Error) => error instanceof CharterVersionError && /2\.yaml: adopted: .*findes i kalenderen/.test(error.message),
    );
    assert.throws(() => parseCharterVersion('2.yaml', version(2, { a: 'Ord.' }).replace('adopted: 2018', 'adopted: marts')), /adopted skal skrives "ÅÅÅÅ-MM-DD"/);
  });

  test('says in Danish what is missing or wrong in a principle', () => {
    assert.throws(() => parseCharterVersion('1.yaml', version(1, { a: '' })), /principles\.0\.wording: Skriv principets ordlyd/);
    assert.throws(() => parseCharterVersion('1.yaml', version(1, { 'Ikke Et Navn': 'Ord.' })), /slug skal være principets filnavn/);
    assert.throws(() => parseCharterVersion('1.yaml', 'version: 1\nadopted: 2017\nprinciples: []\n'), /summary: Skriv hvad der blev ændret/);
    assert.throws(() => parseCharterVersion('1.yaml', version(1, { a: 'Ord.' }, '\nextra: 1')), CharterVersionError);
    assert.throws(() => parseCharterVersion('1.yaml', 'version: [\n'), /ikke gyldig YAML/);
  });

  test('refuses a file whose name is not its version number, and a principle listed twice', () => {
    assert.throws(() => parseCharterVersion('3.yaml', version(2, { a: 'Ord.' })), /hedder 3\.yaml, men siger version: 2/);
    const twice = version(1, { a: 'Ord.' }) + '  - slug: a\n    number: 2\n    title: Igen\n    wording: Igen.\n';
    assert.throws(() => parseCharterVersion('1.yaml', twice), /Princippet a står to gange/);
  });
});

describe('loadCharterVersions and the history', () => {
  test('reads the versions in order; the newest is the current charter', async () => {
    const dir = await folder({ '2.yaml': version(2, { a: 'Nye ord her.', b: 'Uændret.' }), '1.yaml': version(1, { a: 'Gamle ord her.', b: 'Uændret.' }), 'README.md': 'not a version' });
    try {
      assert.deepEqual((await loadCharterVersions(dir)).map((v) => v.version), [1, 2]);
      assert.equal((await currentCharter(dir)).version, 2);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  test('refuses a gap in the numbers, and a folder without versions', async () => {
    const gap = await folder({ '1.yaml': version(1, { a: 'x' }), '3.yaml': version(3, { a: 'y' }) });
    const empty = await folder({});
    try {
      await assert.rejects(loadCharterVersions(gap), /version 2 mangler/);
      await assert.rejects(loadCharterVersions(empty), /ingen versioner/);
    } finally {
      await rm(gap, { recursive: true });
      await rm(empty, { recursive: true });
    }
  });

  const versions: CharterVersion[] = [
    parseCharterVersion('1.yaml', version(1, { a: 'Gamle ord her.', b: 'Uændret.' })),
    parseCharterVersion('2.yaml', version(2, { a: 'Nye ord her.', b: 'Uændret.' })),
    parseCharterVersion('3.yaml', version(3, { a: 'Nye ord her.', b: 'Uændret.', c: 'Et nyt princip.' })),
  ];

  test('a principle’s history lists only the versions that changed it, each with the diff from the one before', () => {
    const history = principleHistory(versions, 'a');
    assert.deepEqual(history.map((h) => h.version), [1, 2]);
    assert.equal(history[0]!.diff, undefined);
    assert.deepEqual(history[1]!.diff, [
      { kind: 'removed', text: 'Gamle' },
      { kind: 'added', text: 'Nye' },
      { kind: 'same', text: ' ord her.' },
    ]);
    assert.deepEqual(principleHistory(versions, 'b').map((h) => h.version), [1]);
    assert.deepEqual(principleHistory(versions, 'c').map((h) => h.version), [3]);
  });

  test('a version’s changes name each changed, added or removed principle', () => {
    assert.deepEqual(versionChanges(versions, 2).map((c) => [c.slug, c.kind]), [['a', 'changed']]);
    assert.deepEqual(versionChanges(versions, 3).map((c) => [c.slug, c.kind]), [['c', 'added']]);
    assert.deepEqual(versionChanges(versions, 1), []);
  });
});
