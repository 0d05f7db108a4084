// Database restart: a throwaway PostgreSQL cluster is killed with SIGKILL during a load of signings and started again.
// Every signing answered with success is in the database, nothing is half-written, and requests during the outage
// get a 503 with Retry-After rather than hanging. Needs PostgreSQL's server programs; without them this test fails
// and says why, so it is never counted as passed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, type Backend } from '../e2e/support/app.ts';
import { startThrowawayCluster, whyNoCluster } from '../tests/support/postgres-cluster.ts';
import { signingForms } from '../tests/support/signing-forms.ts';
import { openAppDatabase, postSigning, signingLedger } from './support/inspect.ts';

const clients = 20;
/** Longer than any honest answer takes: a request still open after this has hung. */
const hangAfterMs = 20_000;

interface Outcome {
  cvr: string;
  began: number;
  ended: number;
  status: number | 'hung' | 'refused';
  retryAfter: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('killing PostgreSQL with SIGKILL under load loses no answered signing, leaves nothing half-written, and answers 503 with Retry-After while it is down', async (t) => {
  const reason = await whyNoCluster();
  if (reason) assert.fail(`NOT RUN: the database restart test needs its own PostgreSQL cluster. ${reason}`);

  const cluster = await startThrowawayCluster();
  t.after(() => cluster.remove());
  const backend: Backend = { name: 'throwaway PostgreSQL', prepare: async () => ({ env: { DATABASE_URL: cluster.url }, drop: async () => {} }) };
  const app = await startApp(backend);
  t.after(() => app.stop());

  const nextForm = signingForms(8);
  const outcomes: Outcome[] = [];
  let running = true;
  const worker = async () => {
    // Bounded: at most 2,000 requests per client, and the test stops them after about ten seconds.
    for (let i = 0; running && i < 2000; i++) {
      const form = nextForm();
      const began = performance.now();
      let outcome: Outcome;
      try {
        const response = await postSigning(app, form, AbortSignal.timeout(hangAfterMs));
        await response.arrayBuffer();
        outcome = { cvr: form.cvr as string, began, ended: performance.now(), status: response.status, retryAfter: response.headers.get('retry-after') };
      } catch (error) {
        const hung = (error as Error).name === 'TimeoutError';
        outcome = { cvr: form.cvr as string, began, ended: performance.now(), status: hung ? 'hung' : 'refused', retryAfter: null };
      }
      outcomes.push(outcome);
      if (outcome.status !== 202) await sleep(50);
    }
  };
  const workers = Array.from({ length: clients }, worker);

  await sleep(2000);
  await cluster.kill();
  const killedAt = performance.now();
  await sleep(3000);
  const restartAt = performance.now();
  await cluster.start();
  await sleep(4000);
  running = false;
  await Promise.all(workers);

  const byStatus = (status: Outcome['status']) => outcomes.filter((o) => o.status === status);
  const duringOutage = outcomes.filter((o) => o.began > killedAt + 200 && o.ended < restartAt);
  assert.ok(outcomes.filter((o) => o.ended < killedAt && o.status === 202).length > 0, 'signings succeeded before the kill');
  assert.ok(duringOutage.length > 0, 'requests were made while the database was down');
  assert.deepEqual([...new Set(duringOutage.map((o) => o.status))], [503], 'while it is down, every request gets 503');
  assert.ok(duringOutage.every((o) => o.retryAfter !== null && Number(o.retryAfter) > 0), 'each 503 says when to retry');
  assert.deepEqual(byStatus('hung').length, 0, 'no request hung');
  assert.deepEqual(byStatus('refused').length, 0, 'the server itself never went away');
  assert.deepEqual(
    [...new Set(outcomes.map((o) => o.status))].filter((s) => s !== 202 && s !== 503),
    [],
    'only 202 and 503 are ever answered',
  );
  assert.ok(outcomes.some((o) => o.began > restartAt && o.status === 202), 'signing works again after the restart');

  await app.halt();
  const db = await openAppDatabase(app);
  try {
    const ledger = await signingLedger(db);
    const lost = outcomes.filter((o) => o.status === 202 && !ledger.cvrs.has(o.cvr));
    assert.deepEqual(lost.map((o) => o.cvr), [], 'every signing answered 202 is stored');
    assert.equal(ledger.partial, 0, 'no signature is half-written');
    assert.equal(ledger.orphans, 0, 'no mail, link or event without its signature');
    t.diagnostic(`${byStatus(202).length} signings stored and answered 202, ${byStatus(503).length} answered 503, ${ledger.signatures} rows`);
  } finally {
    await db.close();
  }
});
