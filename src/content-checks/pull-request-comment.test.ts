import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startFakeGitHub, type FakeGitHub } from '../../tests/support/github-stand-in.ts';
import type { CheckResult } from './check-content.ts';
import { upsertContentComment, type CommentTarget } from './pull-request-comment.ts';
import { commentMarker, pullRequestComment } from './report.ts';

const counts = { cases: 9, drafts: 0, principles: 11, pages: 4 };
const withProblems = (n: number): CheckResult => ({
  counts,
  warnings: [],
  readability: [],
  problems: Array.from({ length: n }, (_, i) => ({ file: 'content/cases/a.mdx', line: i + 2, message: `Problem nr. ${i + 1}.` })),
});
const report = (result: CheckResult) => [pullRequestComment(result), result.problems.length > 0] as const;

describe('the content comment on a pull request', () => {
  let github: FakeGitHub;
  let target: CommentTarget;
  before(async () => {
    github = await startFakeGitHub();
    target = { apiUrl: github.url, token: 't0ken', repository: 'samskabelsesbevaegelsen/samskabelse', pull: 7 };
  });
  after(() => github.close());
  beforeEach(() => {
    github.comments.length = 0;
    github.pullFiles.clear();
    github.pullFiles.set(7, ['content/cases/a.mdx', 'README.md']);
  });

  it('makes one comment with the problems in Danish, and updates that same comment on the next push', async () => {
    assert.equal(await upsertContentComment(target, ...report(withProblems(2))), 'created');
    assert.equal(await upsertContentComment(target, ...report(withProblems(1))), 'updated');
    assert.equal(github.comments.length, 1);
    assert.ok(github.comments[0]!.body.startsWith(commentMarker));
    assert.match(github.comments[0]!.body, /Fandt 1 problem i 1 fil\./);
    assert.ok(github.calls.some((c) => c.method === 'PATCH' && c.authorization === 'Bearer t0ken'));
  });

  it('says so in the same comment when the problems are fixed, and makes none when there never were any', async () => {
    await upsertContentComment(target, ...report(withProblems(3)));
    assert.equal(await upsertContentComment(target, ...report(withProblems(0))), 'updated');
    assert.match(github.comments[0]!.body, /✅ Indholdet er i orden/);
    github.comments.length = 0;
    assert.equal(await upsertContentComment(target, ...report(withProblems(0))), 'nothing-to-say');
    assert.equal(github.comments.length, 0);
  });

  it('leaves other people’s comments alone and finds its own among more than a page of them', async () => {
    for (let i = 0; i < 120; i++) github.comments.push({ id: i + 1, issue: 7, body: `Kommentar ${i}` });
    github.comments.push({ id: 500, issue: 7, body: `${commentMarker}\ngammel rapport` });
    assert.equal(await upsertContentComment(target, ...report(withProblems(1))), 'updated');
    assert.equal(github.comments.length, 121);
    assert.match(github.comments.at(-1)!.body, /Problem nr\. 1/);
    assert.equal(github.comments[0]!.body, 'Kommentar 0');
  });

  it('does not write at all on a pull request that leaves content/ alone', async () => {
    github.pullFiles.set(7, ['src/routes.ts']);
    assert.equal(await upsertContentComment(target, ...report(withProblems(2))), 'content-untouched');
    assert.equal(github.comments.length, 0);
  });

  it('does not touch the comment when the report is the same', async () => {
    await upsertContentComment(target, ...report(withProblems(2)));
    const before = github.calls.length;
    assert.equal(await upsertContentComment(target, ...report(withProblems(2))), 'unchanged');
    assert.ok(github.calls.slice(before).every((c) => c.method === 'GET'));
  });

  describe('scripts/content-comment.ts, as CI runs it', () => {
    const script = join(import.meta.dirname, '../../scripts/content-comment.ts');
    const runScript = () =>
      promisify(execFile)(process.execPath, [script, '--pull=7'], {
        env: { PATH: process.env.PATH ?? '', GITHUB_TOKEN: 't0ken', GITHUB_REPOSITORY: target.repository, GITHUB_API_URL: github.url },
      });

    it('checks the real content and updates the earlier comment to say it is in order', async () => {
      github.comments.push({ id: 900, issue: 7, body: `${commentMarker}\ngammel rapport` });
      const { stdout } = await runScript();
      assert.match(stdout, /content-comment: updated/);
      assert.match(github.comments[0]!.body, /✅ Indholdet er i orden/);
    });

    it('warns instead of failing when the token may not comment (a pull request from a fork)', async () => {
      github.failNext((c) => c.method === 'GET', 403, 1);
      const { stdout } = await runScript();
      assert.match(stdout, /^::warning title=Ingen kommentar::/m);
    });
  });
});
