// The build runs the editors' content check: a wrong case stops `astro build` with the same Danish messages as
// `npm run check:content`, naming file, line, field and what is allowed; a draft builds but stays off the site.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { access, cp, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { caseText } from './support/test-project.ts';

const root = resolve(import.meta.dirname, '..');
let work: string;

function build(): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function checkContentCli(): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(root, 'scripts/check-content.ts'), '--root', work], { encoding: 'utf8' });
  return { code: result.status, output: result.stdout };
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'samskabelse-content-'));
  for (const item of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'vercel.json']) {
    await cp(join(root, item), join(work, item), { recursive: true });
  }
  await symlink(join(root, 'node_modules'), join(work, 'node_modules'));
});
after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('content errors in the build', () => {
  it('stops the build with the checker\'s messages, the same as npm run check:content', async () => {
    const file = join(work, 'content/cases/proevecase.mdx');
    await writeFile(file, caseText({ form: 'transformativ', municipality: 'Kolding Kommune' }, '## Kort fortalt\n\nHuslejen var under <600 kr.\n'));
    try {
      const { code, output } = build();
      assert.notEqual(code, 0, 'the build fails');
      const expected = [
        'content/cases/proevecase.mdx, linje 4, feltet "municipality": "Kolding Kommune" er ikke en kommune, vi kender. Skriv kommunens navn uden "Kommune". Mente du "Kolding"?',
        'content/cases/proevecase.mdx, linje 9, feltet "form": "transformativ" er ikke en af formerne. Form skal være én af: "beskrivende", "intermedierende", "transformerende", eller "ukendt", hvis ingen kilde siger det. Mente du "transformerende"?',
        'content/cases/proevecase.mdx, linje 29: Tegnet < i "<600 kr." bliver læst som starten på et HTML-element, og så stopper bygget. Skriv "under" eller "mindre end" i stedet, eller skriv \\< (med en omvendt skråstreg foran).',
      ];
      for (const line of expected) assert.ok(output.includes(line), `the build says:\n${line}\n\nbut printed:\n${output}`);
      assert.match(output, /Fandt 3 problemer i 1 fil\. Ret dem, og byg igen\./);
      const cli = checkContentCli();
      assert.equal(cli.code, 1);
      assert.deepEqual(cli.output.split('\n').slice(0, 3), expected, 'the quick check and the build say the same');
    } finally {
      await unlink(file);
    }
  });

  it('builds a draft case but leaves it out of every page, the sitemap and the feed', async () => {
    await writeFile(join(work, 'content/cases/hemmeligt-udkast.mdx'), caseText({ title: 'Et hemmeligt udkast', draft: 'true' }, '## Kort fortalt\n\n{/* Skriv her */}\n'));
    const { code, output } = build();
    assert.equal(code, 0, output);
    await assert.rejects(access(join(work, 'dist/cases/hemmeligt-udkast')), 'no page for the draft');
    for (const page of ['cases/index.html', 'kort/index.html', 'rss.xml', 'sitemap-0.xml', 'cases/kommune/kolding/index.html', 'charter/ligevaerd/index.html']) {
      assert.doesNotMatch(await readFile(join(work, 'dist', page), 'utf8'), /hemmeligt|Et hemmeligt udkast/, page);
    }
    assert.match(await readFile(join(work, 'dist/cases/seest/index.html'), 'utf8'), /Rediger denne side/);
  });
});
