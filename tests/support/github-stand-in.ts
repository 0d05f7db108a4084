// Test support: a local stand-in for the part of GitHub's REST API that opening a pull request and commenting on one
// use. It keeps branches, files, pull requests and comments in memory and records every call, so tests can assert
// what was sent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  /** Decoded path, e.g. /repos/o/r/git/ref/heads/main. */
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
  authorization: string | undefined;
}

export interface FakeGitHub {
  url: string;
  calls: RecordedCall[];
  /** Files per branch: branch → path → text. */
  files: Map<string, Map<string, string>>;
  pulls: { number: number; title: string; head: string; base: string; body: string; html_url: string }[];
  /** The files each pull request changes, as GET /pulls/:n/files lists them; set by the test. */
  pullFiles: Map<number, string[]>;
  /** Comments on issues and pull requests, oldest first. */
  comments: { id: number; issue: number; body: string }[];
  /** Answer the next calls matching `when` with this status instead (e.g. 500), `times` times. */
  failNext(when: (call: RecordedCall) => boolean, status: number, times?: number): void;
  close(): Promise<void>;
}

export async function startFakeGitHub(options: { owner?: string; repo?: string; mainFiles?: Record<string, string> } = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'samskabelsesbevaegelsen';
  const repo = options.repo ?? 'samskabelse';
  const prefix = `/repos/${owner}/${repo}`;
  const refs = new Map<string, string>([['main', 'sha-main-1']]);
  const files = new Map([['main', new Map(Object.entries(options.mainFiles ?? {}))]]);
  const pulls: FakeGitHub['pulls'] = [];
  const pullFiles = new Map<number, string[]>();
  const comments: FakeGitHub['comments'] = [];
  const calls: RecordedCall[] = [];
  const failures: { when: (call: RecordedCall) => boolean; status: number; times: number }[] = [];
  let url = '';

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const parsed = new URL(req.url ?? '/', 'http://github.test');
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(parsed.pathname),
      query: Object.fromEntries(parsed.searchParams),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
      authorization: req.headers.authorization,
    };
    calls.push(call);
    const send = (status: number, data: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(data));
    };
    const failure = failures.find((f) => f.times > 0 && f.when(call));
    if (failure) {
      failure.times--;
      return send(failure.status, { message: 'Server Error' });
    }
    if (!call.path.startsWith(prefix)) return send(404, { message: 'Not Found' });
    const rest = call.path.slice(prefix.length);
    const body = call.body ?? {};

    if (call.method === 'GET' && rest === '') return send(200, { name: repo, full_name: `${owner}/${repo}`, default_branch: 'main' });
    const ref = /^\/git\/ref\/heads\/(.+)$/.exec(rest);
    if (call.method === 'GET' && ref) {
      const sha = refs.get(ref[1]!);
      return sha ? send(200, { ref: `refs/heads/${ref[1]}`, object: { sha, type: 'commit' } }) : send(404, { message: 'Not Found' });
    }
    if (call.method === 'POST' && rest === '/git/refs') {
      const name = String(body.ref).replace(/^refs\/heads\//, '');
      if (refs.has(name)) return send(422, { message: 'Reference already exists' });
      refs.set(name, String(body.sha));
      files.set(name, new Map(files.get('main')));
      return send(201, { ref: body.ref, object: { sha: body.sha } });
    }
    const content = /^\/contents\/(.+)$/.exec(rest);
    if (content && call.method === 'GET') {
      const file = files.get(call.query.ref ?? 'main')?.get(content[1]!);
      if (file === undefined) return send(404, { message: 'Not Found' });
      return send(200, { type: 'file', path: content[1], sha: `sha-${file.length}`, encoding: 'base64', content: Buffer.from(file).toString('base64') });
    }
    if (content && call.method === 'PUT') {
      const branch = files.get(String(body.branch));
      if (!branch) return send(404, { message: 'Branch not found' });
      const existing = branch.get(content[1]!);
      if (existing !== undefined && body.sha !== `sha-${existing.length}`) return send(409, { message: 'sha mismatch' });
      branch.set(content[1]!, Buffer.from(String(body.content), 'base64').toString('utf8'));
      return send(existing === undefined ? 201 : 200, { content: { path: content[1] }, commit: { sha: `commit-${calls.length}` } });
    }
    if (rest === '/pulls' && call.method === 'GET') {
      const head = (call.query.head ?? '').replace(`${owner}:`, '');
      return send(200, pulls.filter((p) => p.head === head));
    }
    if (rest === '/pulls' && call.method === 'POST') {
      const number = pulls.length + 1;
      const pull = { number, title: String(body.title), head: String(body.head), base: String(body.base), body: String(body.body), html_url: `https://github.com/${owner}/${repo}/pull/${number}` };
      pulls.push(pull);
      return send(201, pull);
    }
    const page = <T>(items: T[]) => {
      const size = Number(call.query.per_page ?? 30);
      const start = (Number(call.query.page ?? 1) - 1) * size;
      return items.slice(start, start + size);
    };
    const changed = /^\/pulls\/(\d+)\/files$/.exec(rest);
    if (changed && call.method === 'GET') return send(200, page((pullFiles.get(Number(changed[1])) ?? []).map((filename) => ({ filename, status: 'modified' }))));
    const thread = /^\/issues\/(\d+)\/comments$/.exec(rest);
    if (thread && call.method === 'GET') return send(200, page(comments.filter((c) => c.issue === Number(thread[1]))));
    if (thread && call.method === 'POST') {
      const comment = { id: 1000 + comments.length, issue: Number(thread[1]), body: String(body.body) };
      comments.push(comment);
      return send(201, comment);
    }
    const edit = /^\/issues\/comments\/(\d+)$/.exec(rest);
    if (edit && call.method === 'PATCH') {
      const comment = comments.find((c) => c.id === Number(edit[1]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = String(body.body);
      return send(200, comment);
    }
    send(404, { message: 'Not Found' });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    files,
    pulls,
    pullFiles,
    comments,
    failNext: (when, status, times = 1) => failures.push({ when, status, times }),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
