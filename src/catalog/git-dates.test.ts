// Checks the dates read from git history on a small repository made for the test: adds, edits and a rename.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGitHistory } from './git-dates.ts';

async function repository(): Promise<{ dir: string; commit: (date: string, message: string) => void }> {
  const dir = await mkdtemp(join(tmpdir(), 'samskabelse-git-'));
  const git = (args: string[], date?: string) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@localhost', ...args], {
      cwd: dir,
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
      stdio: 'ignore',
    });
  git(['init', '-q']);
  return { dir, commit: (date, message) => (git(['add', '-A']), git(['commit', '-q', '-m', message], date)) };
}

test('a file’s added date is its first commit and its updated date its last, also across a rename and in a subfolder', async () => {
  const { dir, commit } = await repository();
  try {
    await mkdir(join(dir, 'content/cases'), { recursive: true });
    await writeFile(join(dir, 'content/cases/seest.mdx'), 'første udgave\n'.repeat(20));
    await writeFile(join(dir, 'content/cases/ærø.mdx'), 'ø\n');
    commit('2025-01-10T12:00:00Z', 'add');
    await writeFile(join(dir, 'content/cases/seest.mdx'), 'første udgave\n'.repeat(20) + 'rettelse\n');
    commit('2025-03-05T12:00:00Z', 'edit');
    execFileSync('git', ['mv', 'content/cases/seest.mdx', 'content/cases/seest-genopbygning.mdx'], { cwd: dir });
    commit('2025-06-01T12:00:00Z', 'rename');

    const history = readGitHistory(join(dir, 'content'));
    assert.deepEqual(history.added('cases/seest-genopbygning.mdx'), new Date('2025-01-10T12:00:00Z'), 'the rename keeps the first date');
    assert.deepEqual(history.updated('cases/seest-genopbygning.mdx'), new Date('2025-06-01T12:00:00Z'));
    assert.deepEqual(history.added('cases/ærø.mdx'), new Date('2025-01-10T12:00:00Z'), 'a Danish file name is read as it is');
    assert.equal(history.added('cases/ny.mdx'), undefined, 'a file git does not know has no date');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('outside a git repository there are no dates, and no error', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'samskabelse-nogit-'));
  try {
    assert.equal(readGitHistory(dir).added('x.mdx'), undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
