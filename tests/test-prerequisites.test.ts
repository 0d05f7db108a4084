// npm test's first step, run as a fresh machine would meet it: a child process with its own CHROMIUM_PATH, PG_BIN
// and PATH (no apt-get on it), plus the pure decision for the cases a test cannot stage (root, apt-get).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { decide, type Facts } from '../scripts/test-prerequisites.ts';

const script = resolve(import.meta.dirname, '../scripts/test-prerequisites.ts');
const dir = mkdtempSync(join(tmpdir(), 'samskabelse-prereq-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function fakeProgram(path: string): void {
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, 0o755);
}
const fakeChromium = join(dir, 'chromium');
fakeProgram(fakeChromium);
const fakePgBin = join(dir, 'pgbin');
mkdirSync(fakePgBin);
for (const name of ['initdb', 'pg_ctl', 'postgres']) fakeProgram(join(fakePgBin, name));

/** Runs the script with only node's own folder on PATH: no apt-get, and no PostgreSQL unless PG_BIN says so. */
function runCheck(env: Record<string, string>) {
  return spawnSync(process.execPath, [script], {
    env: { PATH: dirname(process.execPath), TEST_PREREQUISITES_NO_INSTALL: '1', ...env },
    encoding: 'utf8',
  });
}

describe('scripts/test-prerequisites.ts as a child process', () => {
  test('a CHROMIUM_PATH that points at nothing stops it at once with one line and a non-zero exit', () => {
    const missing = join(dir, 'no-such-chromium');
    const result = runCheck({ CHROMIUM_PATH: missing, PG_BIN: fakePgBin });
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      `npm test: Chromium findes ikke på ${missing} (CHROMIUM_PATH); installér chromium og kør: CHROMIUM_PATH=/sti/til/chromium npm test\n`,
    );
  });

  test('everything present: exit 0 and not a word', () => {
    const result = runCheck({ CHROMIUM_PATH: fakeChromium, PG_BIN: fakePgBin });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, '');
  });
});

describe('decide', () => {
  const allThere: Facts = {
    chromiumPath: '/usr/bin/chromium',
    chromiumFound: true,
    postgresFound: true,
    isRoot: false,
    hasAptGet: true,
    installAllowed: true,
  };

  test('all present', () => {
    assert.deepEqual(decide(allThere), { kind: 'ok' });
  });

  test('root with apt-get installs what is missing, as .ci/run did', () => {
    assert.deepEqual(decide({ ...allThere, isRoot: true, chromiumFound: false, postgresFound: false }), {
      kind: 'install',
      packages: ['chromium', 'postgresql'],
    });
  });

  test('not root: the apt-get line to run, with sudo', () => {
    assert.deepEqual(decide({ ...allThere, chromiumFound: false, postgresFound: false }), {
      kind: 'stop',
      message:
        "npm test: Chromium findes ikke på /usr/bin/chromium; PostgreSQL's serverprogrammer (initdb, pg_ctl, postgres) findes ikke i PG_BIN, /usr/lib/postgresql/*/bin eller PATH; kør: sudo apt-get update && sudo apt-get install -y chromium postgresql",
    });
  });

  test('root, but installing is turned off: the line without sudo', () => {
    assert.deepEqual(decide({ ...allThere, isRoot: true, installAllowed: false, postgresFound: false }), {
      kind: 'stop',
      message:
        "npm test: PostgreSQL's serverprogrammer (initdb, pg_ctl, postgres) findes ikke i PG_BIN, /usr/lib/postgresql/*/bin eller PATH; kør: apt-get update && apt-get install -y postgresql",
    });
  });

  test('a CHROMIUM_PATH of one\'s own that is missing is never "fixed" by apt-get', () => {
    assert.deepEqual(decide({ ...allThere, isRoot: true, chromiumPath: '/opt/chrome', chromiumFound: false }), {
      kind: 'stop',
      message:
        'npm test: Chromium findes ikke på /opt/chrome (CHROMIUM_PATH); sæt CHROMIUM_PATH til en Chromium, der findes, eller fjern den og kør: apt-get update && apt-get install -y chromium',
    });
  });

  test('no apt-get: install them and point CHROMIUM_PATH and PG_BIN at them', () => {
    assert.deepEqual(decide({ ...allThere, hasAptGet: false, chromiumFound: false, postgresFound: false }), {
      kind: 'stop',
      message:
        "npm test: Chromium findes ikke på /usr/bin/chromium; PostgreSQL's serverprogrammer (initdb, pg_ctl, postgres) findes ikke i PG_BIN, /usr/lib/postgresql/*/bin eller PATH; installér chromium og postgresql og kør: CHROMIUM_PATH=/sti/til/chromium PG_BIN=/sti/til/postgresql/bin npm test",
    });
  });
});
