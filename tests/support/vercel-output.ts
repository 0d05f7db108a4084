// Test support: runs `vercel build` offline on a clean copy of the project (the pinned CLI, fetched once into a cache
// folder), and answers for a path what Vercel's router would do with the Build Output API's config.json.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const projectRoot = resolve(import.meta.dirname, '../..');

/** The vercel CLI the deploy test uses; Vercel's own build uses its current CLI, so bump this now and then. */
export const vercelVersion = '60.1.3';
export const vercelCache = process.env.VERCEL_CLI_CACHE ?? join(homedir(), '.cache', 'samskabelse-vercel');

/** The pinned CLI's binary, installed into {@link vercelCache} on first use (about 40 s), so `npm install` stays lean. */
export async function vercelCli(): Promise<string> {
  const bin = join(vercelCache, 'node_modules', '.bin', 'vercel');
  const installed = await readFile(join(vercelCache, 'node_modules', 'vercel', 'package.json'), 'utf8')
    .then((text) => (JSON.parse(text) as { version: string }).version)
    .catch(() => undefined);
  if (installed === vercelVersion && existsSync(bin)) return bin;
  console.log(`deploy: installing vercel@${vercelVersion} into ${vercelCache} (once)`);
  await mkdir(vercelCache, { recursive: true });
  // esbuild's install script only checks its binary; allowing it keeps npm 11 quiet and the binary verified.
  await writeFile(join(vercelCache, 'package.json'), '{ "private": true, "allowScripts": { "esbuild": true } }\n');
  await run('npm', ['install', '--prefix', vercelCache, '--no-audit', '--no-fund', '--save-exact', `vercel@${vercelVersion}`], { maxBuffer: 16 * 1024 * 1024 });
  return bin;
}

/** The files git would check out (tracked and new, not ignored), as a clean copy sees them. */
async function projectFiles(): Promise<string[]> {
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 });
  const files = [...new Set(stdout.split('\0').filter(Boolean))];
  // A file deleted in the working tree is still in the index until it is committed; node_modules may be a symlink,
  // which .gitignore's `node_modules/` does not match, and is linked below anyway.
  return files.filter((file) => !/^node_modules(\/|$)/.test(file) && existsSync(join(projectRoot, file)));
}

export interface Deployment {
  /** The clean copy the build ran in. */
  dir: string;
  /** dir/.vercel/output */
  output: string;
  config: OutputConfig;
  log: string;
}

/**
 * Copies the project into a temporary folder (node_modules linked, .vercel/project.json from
 * deploy/vercel-project.json) and runs `vercel build --yes` there without a login. Like Vercel, the build first runs
 * `npm install` in the copy, which replaces the link with a fresh install from the lockfile (the registry must be
 * reachable). Takes one to two minutes on an idle machine.
 */
export async function buildDeployment(): Promise<Deployment> {
  const cli = await vercelCli();
  const dir = await mkdtemp(join(tmpdir(), 'samskabelse-vercel-'));
  for (const file of await projectFiles()) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await cp(join(projectRoot, file), join(dir, file));
  }
  await symlink(join(projectRoot, 'node_modules'), join(dir, 'node_modules'));
  await mkdir(join(dir, '.vercel'));
  await cp(join(projectRoot, 'deploy', 'vercel-project.json'), join(dir, '.vercel', 'project.json'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VERCEL|NOW)_/.test(key)));
  let log: string;
  try {
    const result = await run(cli, ['build', '--yes'], { cwd: dir, env: { ...env, VERCEL_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 * 1024 * 1024 });
    log = result.stdout + result.stderr;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`vercel build failed in ${dir}:\n${failed.stdout ?? ''}${failed.stderr ?? failed.message}`);
  }
  const output = join(dir, '.vercel', 'output');
  const config = JSON.parse(await readFile(join(output, 'config.json'), 'utf8')) as OutputConfig;
  return { dir, output, config, log };
}

/** The part of the Build Output API v3 config.json that routing reads. */
export interface OutputRoute {
  src?: string;
  dest?: string;
  headers?: Record<string, string>;
  status?: number;
  continue?: boolean;
  check?: boolean;
  handle?: string;
}
export interface OutputConfig {
  version: number;
  routes: OutputRoute[];
  crons?: { path: string; schedule: string }[];
}

export type OutputAnswer =
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'static'; file: string; headers: Record<string, string> }
  | { kind: 'function'; name: string; headers: Record<string, string> }
  | { kind: 'not-found'; file: string | undefined; headers: Record<string, string> };

const fill = (template: string, match: RegExpExecArray) => template.replace(/\$(\d+)/g, (_, i: string) => match[Number(i)] ?? '');

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** What exists in the output for a path: a static file (a folder path means its index.html) or a .func folder. */
async function lookUp(output: string, pathname: string): Promise<{ kind: 'static'; file: string } | { kind: 'function'; name: string } | undefined> {
  const file = join(output, 'static', pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  if (await isFile(file)) return { kind: 'static', file: relative(join(output, 'static'), file) };
  const name = pathname.replace(/^\/|\/$/g, '');
  if (name && (await isFile(join(output, 'functions', `${name}.func`, '.vc-config.json')))) return { kind: 'function', name };
  return undefined;
}

/**
 * Follows config.json's routes for a GET of `pathname`, as Vercel's proxy does for this shape of output: the routes
 * before `handle: filesystem` (headers that continue, redirects that stop), then the filesystem, then the rewrites
 * after it (`check: true` targets must exist), then the `error` phase's 404 page. Headers are those the matching
 * routes add. Enough for the routes vercel.json makes here; not a full implementation.
 */
export async function routeInOutput(output: string, config: OutputConfig, pathname: string): Promise<OutputAnswer> {
  const headers: Record<string, string> = {};
  const phases = new Map<string, OutputRoute[]>([['main', []]]);
  let phase = 'main';
  for (const route of config.routes) {
    if (route.handle) phases.set((phase = route.handle), []);
    else phases.get(phase)!.push(route);
  }
  const notFound = async (): Promise<OutputAnswer> => {
    for (const route of phases.get('error') ?? []) {
      const match = route.src ? new RegExp(route.src).exec(pathname) : null;
      if (match && route.dest) return { kind: 'not-found', file: (await isFile(join(output, 'static', route.dest))) ? route.dest : undefined, headers };
    }
    return { kind: 'not-found', file: undefined, headers };
  };

  for (const route of phases.get('main')!) {
    const match = new RegExp(route.src!).exec(pathname);
    if (!match) continue;
    if (route.status && route.status >= 300 && route.status < 400) return { kind: 'redirect', status: route.status, location: fill(route.headers?.Location ?? '', match) };
    for (const [key, value] of Object.entries(route.headers ?? {})) headers[key.toLowerCase()] = fill(value, match);
    if (!route.continue) break;
  }
  const found = await lookUp(output, pathname);
  if (found) return { ...found, headers };
  for (const route of phases.get('filesystem') ?? []) {
    const match = new RegExp(route.src!).exec(pathname);
    if (!match) continue;
    if (route.status === 404) return notFound();
    if (!route.dest) continue;
    const target = await lookUp(output, fill(route.dest, match).split('?')[0]!);
    if (target) return { ...target, headers };
    if (route.check) return notFound();
  }
  return notFound();
}

/** Every `.func` folder under output/functions, by name ("api/members/count"), with its .vc-config.json. */
export async function outputFunctions(output: string): Promise<{ name: string; dir: string; config: Record<string, unknown> }[]> {
  const found: { name: string; dir: string; config: Record<string, unknown> }[] = [];
  const root = join(output, 'functions');
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name.endsWith('.func')) {
        const config = JSON.parse(await readFile(join(path, '.vc-config.json'), 'utf8')) as Record<string, unknown>;
        found.push({ name: relative(root, path).replace(/\.func$/, ''), dir: path, config });
      } else if (entry.isDirectory()) await walk(path);
    }
  };
  await walk(root);
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Copies a .func folder and the project files its filePathMap points at (migrations, page frames), as Vercel does
 * when it uploads the function: the result runs on its own, away from the project.
 */
export async function standaloneFunction(deployment: Deployment, name: string): Promise<string> {
  const source = join(deployment.output, 'functions', `${name}.func`);
  const target = await mkdtemp(join(tmpdir(), 'samskabelse-func-'));
  await cp(source, target, { recursive: true, dereference: true });
  const config = JSON.parse(await readFile(join(source, '.vc-config.json'), 'utf8')) as { filePathMap?: Record<string, string> };
  for (const [inBundle, onDisk] of Object.entries(config.filePathMap ?? {})) {
    await mkdir(dirname(join(target, inBundle)), { recursive: true });
    await cp(join(deployment.dir, onDisk), join(target, inBundle));
  }
  return target;
}
