// A wrong case must stop the build with a Danish message that names the file, the field and what is allowed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

const root = resolve(import.meta.dirname, '..');
let work: string;

/** A case file's frontmatter as YAML lines, valid unless a test overrides a field. */
function caseFile(overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    title: 'En prøvecase',
    summary: 'Et kort resumé.',
    municipality: 'Kolding',
    period: '\n  start: 2010',
    areas: '[demokrati]',
    kind: 'udviklingsprojekt',
    form: 'transformerende',
    initiators: '[politikere]',
    actors: '\n  - name: Kolding Kommune\n    type: kommune',
    principles: '[ligevaerd]',
    sources: '\n  - title: Kolding Kommune\n    url: https://www.kolding.dk/',
    ...overrides,
  };
  const yaml = Object.entries(fields).map(([key, value]) => `${key}: ${value}`).join('\n');
  return `---\n${yaml}\n---\n\nTekst.\n`;
}

function build(): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'samskabelse-content-'));
  for (const item of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    await cp(join(root, item), join(work, item), { recursive: true });
  }
  await symlink(join(root, 'node_modules'), join(work, 'node_modules'));
});
after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('content errors', () => {
  it('stops the build on a misspelt form and an unknown municipality, naming file, fields and allowed values', async () => {
    const file = join(work, 'content/cases/proevecase.mdx');
    await writeFile(file, caseFile({ form: 'transformativ', municipality: 'Kolding Kommune' }));
    const { code, output } = build();
    assert.notEqual(code, 0, 'the build fails');
    assert.match(output, /content\/cases\/proevecase\.mdx/);
    assert.match(output, /form: Form skal være én af: "beskrivende", "intermedierende", "transformerende"\./);
    assert.match(output, /municipality: Kommunen skal være en af de 98 danske kommuner/);
  });
});
