import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseHost, migrateDuringBuild, migrationRefusal } from './migration-target.ts';

const production = 'postgres://app:pw@ep-quiet-tree-123456-pooler.eu-central-1.aws.neon.tech/samskabelse?sslmode=verify-full';
const previewBranch = 'postgres://app:pw@ep-young-leaf-654321-pooler.eu-central-1.aws.neon.tech/samskabelse?sslmode=verify-full';
const productionHost = 'ep-quiet-tree-123456.eu-central-1.aws.neon.tech';

describe('migrating during the build', () => {
  it('migrates a production build, and any build with MIGRATE=1, and no other', () => {
    assert.equal(migrateDuringBuild({ VERCEL: '1', VERCEL_ENV: 'production' }), true);
    assert.equal(migrateDuringBuild({ VERCEL: '1', VERCEL_ENV: 'preview' }), false);
    assert.equal(migrateDuringBuild({ VERCEL: '1', VERCEL_ENV: 'preview', MIGRATE: '1' }), true);
    assert.equal(migrateDuringBuild({}), false, 'a local npm run build never migrates');
  });
});

describe('which database a migration may touch', () => {
  it('lets production and a local run migrate their DATABASE_URL', () => {
    assert.equal(migrationRefusal({ VERCEL_ENV: 'production', DATABASE_URL: production, PRODUCTION_DATABASE_HOST: productionHost }), undefined);
    assert.equal(migrationRefusal({ DATABASE_URL: production }), undefined);
    assert.equal(migrationRefusal({}), undefined, 'locally, without DATABASE_URL, it migrates PGlite');
  });

  it('refuses a Preview whose DATABASE_URL is production’s, pooled or direct, whatever the case of the host', () => {
    for (const url of [production, production.replace('-pooler', ''), production.toUpperCase().replace('POSTGRES://', 'postgres://')]) {
      assert.match(migrationRefusal({ VERCEL_ENV: 'preview', DATABASE_URL: url, PRODUCTION_DATABASE_HOST: productionHost }) ?? '', /peger på produktionens database/, url);
    }
  });

  it('lets a Preview migrate its own Neon branch', () => {
    assert.equal(migrationRefusal({ VERCEL_ENV: 'preview', DATABASE_URL: previewBranch, PRODUCTION_DATABASE_HOST: productionHost }), undefined);
  });

  it('refuses a Preview when PRODUCTION_DATABASE_HOST is unset, since nothing tells the databases apart', () => {
    assert.match(migrationRefusal({ VERCEL_ENV: 'preview', DATABASE_URL: previewBranch }) ?? '', /PRODUCTION_DATABASE_HOST er ikke sat/);
  });

  it('refuses a Vercel build without DATABASE_URL rather than migrate a throwaway PGlite', () => {
    assert.match(migrationRefusal({ VERCEL: '1', VERCEL_ENV: 'production' }) ?? '', /DATABASE_URL/);
  });

  it('reads PRODUCTION_DATABASE_HOST as a host or a whole URL', () => {
    assert.equal(databaseHost(productionHost), productionHost);
    assert.equal(databaseHost(production), productionHost);
    assert.equal(databaseHost('db.example:5432'), 'db.example');
    assert.equal(databaseHost(''), undefined);
  });
});
