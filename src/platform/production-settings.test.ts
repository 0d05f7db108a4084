import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeSettingProblems, isProductionBuild, isProductionRuntime, productionSettingNames, productionSettingProblems, type Env } from './production-settings.ts';

/** A production environment in which every setting is valid; tests break one at a time. */
const valid: Env = {
  VERCEL: '1',
  VERCEL_ENV: 'production',
  SITE_URL: 'https://samskabelse.dk',
  DATABASE_URL: 'postgres://app:secret@ep-quiet-tree-123456-pooler.eu-central-1.aws.neon.tech/samskabelse?sslmode=verify-full',
  RESEND_API_KEY: 're_123456789_abcdefghijklmnop',
  MAIL_FROM: 'Samskabelsesbevægelsen <noreply@samskabelse.dk>',
  CRON_SECRET: 'a1b2c3d4e5f6g7h8i9j0',
  SESSION_SECRET: 'x'.repeat(32),
  ADMIN_EMAILS: 'sekretariat@samskabelse.dk, formand@samskabelse.dk',
  RESEND_WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
};

const names = (env: Env) => productionSettingProblems(env).map((p) => p.name);

describe('production settings', () => {
  it('finds nothing wrong when every setting is set and well formed', () => {
    assert.deepEqual(productionSettingProblems(valid), []);
  });

  it('reports each missing setting with one Danish line that says what to set and why', () => {
    const problems = productionSettingProblems({ VERCEL_ENV: 'production' });
    assert.deepEqual(problems.map((p) => p.name), productionSettingNames);
    for (const problem of problems) {
      assert.match(problem.message, new RegExp(`^${problem.name} mangler: sæt .+\\. Den bruges til: .+\\.$`));
      assert.doesNotMatch(problem.message, /\n/);
    }
  });

  const malformed: [string, string][] = [
    ['SITE_URL', 'http://samskabelse.dk'],
    ['SITE_URL', 'https://localhost:4321'],
    ['SITE_URL', 'forening.example'],
    ['DATABASE_URL', 'mysql://db.example/x'],
    ['DATABASE_URL', 'postgres://postgres@localhost:5432/x'],
    ['RESEND_API_KEY', 'sk_live_123456789'],
    ['MAIL_FROM', 'noreply@forening.example'],
    ['MAIL_FROM', 'Samskabelse <noreply@localhost>'],
    ['CRON_SECRET', 'kort'],
    ['SESSION_SECRET', 'x'.repeat(31)],
    ['ADMIN_EMAILS', 'sekretariat@samskabelse.dk, ikke-en-adresse'],
    ['ADMIN_EMAILS', 'sekretariat@samskabelse.dk;formand@samskabelse.dk'],
    ['RESEND_WEBHOOK_SECRET', 'hemmelig'],
  ];
  for (const [name, value] of malformed) {
    it(`reports ${name}=${JSON.stringify(value)} as malformed, naming it and nothing else`, () => {
      const problems = productionSettingProblems({ ...valid, [name]: value });
      assert.deepEqual(problems.map((p) => p.name), [name]);
      assert.match(problems[0]!.message, new RegExp(`^${name} har en ugyldig værdi: sæt `));
      assert.ok(!problems[0]!.message.includes(value), 'the message never repeats the value, which may be a secret');
    });
  }

  it('treats a value of spaces as missing', () => {
    assert.deepEqual(names({ ...valid, CRON_SECRET: '   ' }), ['CRON_SECRET']);
  });

  it('lists the problems under one heading, one line each', () => {
    const text = describeSettingProblems(productionSettingProblems({ ...valid, SITE_URL: undefined, CRON_SECRET: undefined }));
    const lines = text.split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /Vercel/);
    assert.match(lines[1]!, /^ {2}- SITE_URL mangler/);
    assert.match(lines[2]!, /^ {2}- CRON_SECRET mangler/);
  });
});

describe('which environment is production', () => {
  it('builds for production on Vercel production, or on Vercel with NODE_ENV=production when VERCEL_ENV is unset', () => {
    assert.equal(isProductionBuild({ VERCEL_ENV: 'production' }), true);
    assert.equal(isProductionBuild({ VERCEL: '1', NODE_ENV: 'production' }), true);
    assert.equal(isProductionBuild({ VERCEL: '1', VERCEL_ENV: 'preview', NODE_ENV: 'production' }), false);
    assert.equal(isProductionBuild({ NODE_ENV: 'production' }), false, 'a local production build keeps its local defaults');
    assert.equal(isProductionBuild({}), false);
  });

  it('runs as production only where Vercel says VERCEL_ENV=production', () => {
    assert.equal(isProductionRuntime({ VERCEL_ENV: 'production' }), true);
    assert.equal(isProductionRuntime({ VERCEL_ENV: 'preview' }), false);
    assert.equal(isProductionRuntime({ NODE_ENV: 'production' }), false);
  });
});
