// The deploy steps in `npm run build`: a production build without its settings fails with a Danish list, the build
// migrates only production (or with MIGRATE=1), and a Preview never migrates production's database.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { productionSettingNames } from '../src/platform/production-settings.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');

/** Runs a script with exactly this environment (plus PATH); never throws, returns its exit code and output. */
async function script(name: string, env: Record<string, string>, args: string[] = []) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'scripts', name), ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('the production settings step of the build', () => {
  it('fails a production build with one Danish line per missing setting', async () => {
    const { code, output } = await script('check-production-settings.ts', { VERCEL: '1', VERCEL_ENV: 'production', SITE_URL: 'https://samskabelse.dk' });
    assert.equal(code, 1);
    assert.match(output, /Produktionen kan ikke bygges/);
    for (const name of productionSettingNames.filter((n) => n !== 'SITE_URL')) assert.match(output, new RegExp(`^ {2}- ${name} mangler: sæt `, 'm'));
    assert.doesNotMatch(output, /SITE_URL/);
  });

  it('lets a Preview build and a local build through without asking for anything', async () => {
    assert.deepEqual(await script('check-production-settings.ts', { VERCEL: '1', VERCEL_ENV: 'preview' }), { code: 0, output: '' });
    assert.deepEqual(await script('check-production-settings.ts', {}), { code: 0, output: '' });
  });
});

describe('the migration step', () => {
  it('does not migrate during a Preview or a local build', async () => {
    const environments: Record<string, string>[] = [{ VERCEL: '1', VERCEL_ENV: 'preview', DATABASE_URL: 'postgres://app@db.invalid/x' }, {}];
    for (const env of environments) {
      const { code, output } = await script('migrate.ts', env, ['--build']);
      assert.equal(code, 0);
      assert.match(output, /Migrerer ikke under denne bygning/);
    }
  });

  it('refuses to migrate production’s database from a Preview, before it connects', async () => {
    const { code, output } = await script('migrate.ts', {
      VERCEL: '1',
      VERCEL_ENV: 'preview',
      MIGRATE: '1',
      // db.invalid never resolves: a connection attempt would fail with another message.
      DATABASE_URL: 'postgres://app:pw@ep-prod-1-pooler.db.invalid/samskabelse?sslmode=verify-full',
      PRODUCTION_DATABASE_HOST: 'ep-prod-1.db.invalid',
    }, ['--build']);
    assert.equal(code, 1);
    assert.match(output, /Migrerer ikke fra preview: DATABASE_URL peger på produktionens database/);
  });
});
