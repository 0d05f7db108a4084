// The GitHub files editors meet: the CI workflow, the suggest-a-case issue form, the pull request template and
// CODEOWNERS. GitHub Actions cannot run here, so this checks that they parse and say what they must.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { strings } from '../src/i18n/index.ts';
import { vercelCache, vercelVersion } from './support/vercel-output.ts';

const root = resolve(import.meta.dirname, '..');
const read = (path: string) => readFile(join(root, path), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  permissions?: Record<string, string>;
  container?: string;
  needs?: string;
  services?: Record<string, { image: string; env?: Record<string, string> }>;
  env?: Record<string, string>;
  steps: Step[];
}

describe('the CI workflow', async () => {
  const workflow = parse(await read('.github/workflows/ci.yml')) as { on: Record<string, unknown>; jobs: Record<string, Job> };
  const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

  it('runs on every pull request', () => {
    assert.ok('pull_request' in workflow.on);
  });

  it('checks the content first and writes the Danish summary and annotations for editors', () => {
    const content = workflow.jobs.content!;
    assert.match(runs(content), /npm run check:content -- --format=github --summary="\$GITHUB_STEP_SUMMARY"/);
    assert.equal(workflow.jobs.test!.needs, 'content');
  });

  it('sets up Node 24 in every job', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      assert.equal(setup?.with?.['node-version'], 24, name);
    }
  });

  it('type-checks, tests, builds and runs the browser tests against PostgreSQL 15 with Debian\'s chromium', () => {
    const test = workflow.jobs.test!;
    assert.equal(test.services?.postgres?.image, 'postgres:15');
    assert.equal(test.services?.postgres?.env?.POSTGRES_HOST_AUTH_METHOD, 'trust');
    assert.equal(test.env?.TEST_DATABASE_URL, 'postgres://postgres@postgres:5432/test');
    assert.match(test.container ?? '', /^debian:/);
    const commands = runs(test);
    assert.match(commands, /apt-get install .*\bchromium\b/);
    const order = ['npx astro check', 'npm run test:unit', 'npm run build', 'npm run test:e2e'].map((c) => commands.indexOf(c));
    assert.ok(order.every((i) => i >= 0), commands);
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'in this order');
    const checkout = test.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    assert.equal(checkout?.with?.['fetch-depth'], 0, 'the whole history, for the "Sidst opdateret" dates');
  });

  it('runs every step of npm test, which .ci/run runs, in the same order: the deploy and fault tests included', async () => {
    assert.match(await read('.ci/run'), /^npm test$/m);
    const scripts = (JSON.parse(await read('package.json')) as { scripts: Record<string, string> }).scripts;
    const steps = scripts.test!
      .split('&&')
      .map((part) => part.trim())
      .filter((part) => !part.startsWith('node scripts/check-node.mjs'))
      .map((part) => (part === 'astro check' ? 'npx astro check' : part));
    assert.ok(steps.includes('npm run test:deploy') && steps.includes('npm run test:faults'), steps.join(' && '));
    const commands = workflow.jobs.test!.steps.map((s) => s.run?.trim() ?? '');
    const positions = steps.map((step) => commands.indexOf(step));
    assert.ok(positions.every((i) => i >= 0), `missing from the workflow: ${steps.filter((_, i) => positions[i]! < 0).join(', ')}`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'in the order npm test runs them');
  });

  it('installs PostgreSQL\'s server programs for the fault tests and caches the pinned vercel CLI for the deploy test', () => {
    const test = workflow.jobs.test!;
    assert.match(runs(test), /apt-get install .*\bpostgresql\b/);
    const cache = test.steps.find((s) => s.uses?.startsWith('actions/cache@'));
    assert.equal(cache?.with?.path, vercelCache.replace(/^.*\/\.cache\//, '~/.cache/'));
    assert.match(String(cache?.with?.key), new RegExp(`${vercelVersion.replaceAll('.', '\\.')}$`));
  });

  it('keeps the content report as one comment on a pull request, written also when the check failed', () => {
    const content = workflow.jobs.content!;
    assert.equal(content.permissions?.['pull-requests'], 'write');
    const step = content.steps.find((s) => s.run?.includes('scripts/content-comment.ts'));
    assert.ok(step, 'a step runs scripts/content-comment.ts');
    assert.match(step.run!, /--pull=\$\{\{ github\.event\.pull_request\.number \}\}/);
    assert.match(step.if ?? '', /!cancelled\(\)/);
    assert.match(step.if ?? '', /github\.event_name == 'pull_request'/);
    assert.equal(step.env?.GITHUB_TOKEN, '${{ secrets.GITHUB_TOKEN }}');
    assert.ok(content.steps.indexOf(step) > content.steps.findIndex((s) => s.run?.includes('npm run check:content')));
  });
});

describe('the suggest-a-case issue form', async () => {
  const form = parse(await read('.github/ISSUE_TEMPLATE/foreslaa-en-case.yml')) as {
    name: string;
    description: string;
    body: { type: string; id?: string; attributes: { label?: string }; validations?: { required?: boolean } }[];
  };

  it('has a name, a description and fields with unique ids', () => {
    assert.ok(form.name && form.description);
    const ids = form.body.filter((b) => b.type !== 'markdown').map((b) => b.id);
    assert.ok(ids.every(Boolean));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('asks the same required questions as the form on the site, in the same words', () => {
    const f = strings().suggestForm;
    const required = form.body.filter((b) => b.validations?.required && b.type !== 'checkboxes').map((b) => b.attributes.label);
    assert.deepEqual(required, [f.title_label, f.municipality, f.what_happened, f.participants, f.sources]);
  });
});

describe('review and pull requests', () => {
  it('asks an owner to review every change to content/', async () => {
    const owners = (await read('.github/CODEOWNERS')).split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    assert.ok(owners.some((l) => /^\/content\/\s+@\S+/.test(l)), owners.join('\n'));
  });

  it('gives editors a checklist in the pull request template', async () => {
    const template = await read('.github/PULL_REQUEST_TEMPLATE.md');
    const items = template.split('\n').filter((l) => l.startsWith('- [ ] '));
    assert.ok(items.length >= 6, template);
    assert.ok(items.some((l) => l.includes('kilde')) && items.some((l) => l.includes('alternativ tekst')) && items.some((l) => l.includes('neutral')));
  });
});
