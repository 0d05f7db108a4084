// Makes sure the programs npm test needs outside node_modules are here: Chromium for the end-to-end tests and
// PostgreSQL's server programs for the fault tests. As root with apt-get it installs what is missing (as .ci/run
// always did); otherwise it stops at once with one line saying what to run. Silent when all is present.
// It is also the one place that says where those programs are (CHROMIUM_PATH, PG_BIN), for e2e/ and tests/support/.
// Node built-ins only, so .ci/run can call it before npm ci.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const defaultChromiumPath = '/usr/bin/chromium';

/** The programs a throwaway PostgreSQL cluster needs. */
export const serverPrograms = ['initdb', 'pg_ctl', 'postgres'] as const;

/** The Chromium the tests drive: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || defaultChromiumPath;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The folder holding PostgreSQL's server programs: PG_BIN when set, else the newest /usr/lib/postgresql/<n>/bin
 * (Debian keeps them off PATH), else a folder on PATH with all three. Undefined when there is none.
 */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates: string[] = [];
  if (env.PG_BIN) candidates.push(env.PG_BIN);
  let versions: string[] = [];
  try {
    versions = readdirSync('/usr/lib/postgresql');
  } catch {
    // no Debian PostgreSQL
  }
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) candidates.push(join('/usr/lib/postgresql', version, 'bin'));
  for (const dir of (env.PATH ?? '').split(':').filter(Boolean)) candidates.push(dir);
  return candidates.find((dir) => serverPrograms.every((name) => isExecutable(join(dir, name))));
}

/** What the machine looks like, as far as the decision goes. */
export interface Facts {
  chromiumPath: string;
  chromiumFound: boolean;
  postgresFound: boolean;
  isRoot: boolean;
  hasAptGet: boolean;
  /** False under TEST_PREREQUISITES_NO_INSTALL=1. */
  installAllowed: boolean;
}

export type Decision = { kind: 'ok' } | { kind: 'install'; packages: string[] } | { kind: 'stop'; message: string };

/** Pure: all present, install these Debian packages, or stop with one line. */
export function decide(facts: Facts): Decision {
  const customChromium = facts.chromiumPath !== defaultChromiumPath;
  const packages = [...(facts.chromiumFound ? [] : ['chromium']), ...(facts.postgresFound ? [] : ['postgresql'])];
  if (packages.length === 0) return { kind: 'ok' };
  // apt-get puts Chromium at /usr/bin/chromium, never at a CHROMIUM_PATH of one's own.
  const aptCanFix = facts.hasAptGet && !(customChromium && !facts.chromiumFound);
  if (aptCanFix && facts.isRoot && facts.installAllowed) return { kind: 'install', packages };

  const missing: string[] = [];
  if (!facts.chromiumFound) missing.push(`Chromium findes ikke på ${facts.chromiumPath}${customChromium ? ' (CHROMIUM_PATH)' : ''}`);
  if (!facts.postgresFound) missing.push(`PostgreSQL's serverprogrammer (${serverPrograms.join(', ')}) findes ikke i PG_BIN, /usr/lib/postgresql/*/bin eller PATH`);

  let fix: string;
  if (aptCanFix) {
    const sudo = facts.isRoot ? '' : 'sudo ';
    fix = `kør: ${sudo}apt-get update && ${sudo}apt-get install -y ${packages.join(' ')}`;
  } else if (facts.hasAptGet) {
    // Only a missing CHROMIUM_PATH of one's own stands in apt-get's way.
    const sudo = facts.isRoot ? '' : 'sudo ';
    fix = `sæt CHROMIUM_PATH til en Chromium, der findes, eller fjern den og kør: ${sudo}apt-get update && ${sudo}apt-get install -y ${packages.join(' ')}`;
  } else {
    const settings = [...(facts.chromiumFound ? [] : ['CHROMIUM_PATH=/sti/til/chromium']), ...(facts.postgresFound ? [] : ['PG_BIN=/sti/til/postgresql/bin'])];
    fix = `installér ${packages.join(' og ')} og kør: ${settings.join(' ')} npm test`;
  }
  return { kind: 'stop', message: `npm test: ${missing.join('; ')}; ${fix}` };
}

function hasCommand(name: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(':').filter(Boolean).some((dir) => isExecutable(join(dir, name)));
}

export function gatherFacts(env: NodeJS.ProcessEnv = process.env): Facts {
  const path = chromiumPath(env);
  return {
    chromiumPath: path,
    chromiumFound: isExecutable(path),
    postgresFound: findPostgresBin(env) !== undefined,
    isRoot: process.getuid?.() === 0,
    hasAptGet: hasCommand('apt-get', env),
    installAllowed: env.TEST_PREREQUISITES_NO_INSTALL !== '1',
  };
}

/** Checks, installs when it may, checks again; the exit code for the caller. */
export function run(env: NodeJS.ProcessEnv = process.env): number {
  const first = decide(gatherFacts(env));
  if (first.kind === 'ok') return 0;
  if (first.kind === 'stop') {
    console.error(first.message);
    return 1;
  }
  console.error(`test-prerequisites: installerer Debians ${first.packages.join(' og ')} med apt-get`);
  try {
    const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { env: aptEnv, stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('apt-get', ['install', '-y', '-qq', ...first.packages], { env: aptEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    // The check below says what is still missing.
  }
  const second = decide({ ...gatherFacts(env), installAllowed: false });
  if (second.kind === 'stop') {
    console.error(second.message);
    return 1;
  }
  return 0;
}

if (import.meta.main) process.exitCode = run();
