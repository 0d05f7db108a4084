// `npm run secretariat -- list [status] | approve <id> | reject <id> <reason…> | adopt-charter <version>`: the
// secretariat's review from a terminal, and announcing an adopted version of the charter to the signatories.
// While the local server runs it goes through the server's admin API (PGlite allows one process at a time);
// otherwise it opens the database itself. Both end in the same review code (src/signing/review.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signatureStatuses, type SignatureStatus } from '../src/signing/signature-status.ts';
import { deliverDue, drainOutbox } from '../src/platform/mail/outbox.ts';
import { review, reviewMessages, reviewQueue, type ReviewAction, type reviewView } from '../src/signing/review.ts';
import { adoptCharterVersion, adoptionMessage } from '../src/signing/charter-adoption.ts';
import { closeRuntime, database, mailTransport, migrateLocalDatabase } from '../src/platform/runtime.ts';

const usage = `Brug:
  npm run secretariat -- list [${signatureStatuses.join('|')}]   (standard: confirmed)
  npm run secretariat -- approve <id>
  npm run secretariat -- reject <id> <begrundelse>
  npm run secretariat -- adopt-charter <version>   (sender én mail til hver underskriver om den nye version)`;

type Row = ReturnType<typeof reviewView>;
interface Reviewer {
  list(status: SignatureStatus): Promise<Row[]>;
  /** Undefined when done, else the Danish reason it could not be done. */
  act(request: ReviewAction): Promise<string | undefined>;
  /** Announces an adopted charter version; what happened, or the Danish reason it could not be done. */
  adoptCharter(version: number): Promise<{ ok: boolean; message: string }>;
  close(): Promise<void>;
}

const actor = `cli:${process.env.USER ?? 'sekretariat'}`;

async function adminToken(): Promise<string | undefined> {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  return (await readFile(join(process.env.DATA_DIR ?? '.data', 'admin-token'), 'utf8').catch(() => '')).trim() || undefined;
}

/** The running local server's admin API, when there is one to reach. */
async function apiReviewer(): Promise<Reviewer | undefined> {
  const token = await adminToken();
  const base = process.env.SECRETARIAT_URL ?? `http://127.0.0.1:${process.env.PORT ?? 4321}`;
  if (!token) return undefined;
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } });
  try {
    await call('/api/admin/signatures?status=pending');
  } catch {
    return undefined;
  }
  return {
    async list(status) {
      const answer = await call(`/api/admin/signatures?status=${status}`);
      if (!answer.ok) throw new Error(`Serveren svarede ${answer.status}: ${await answer.text()}`);
      return (await answer.json()).signatures;
    },
    async act(request) {
      const answer = await call('/api/admin/signatures', { method: 'POST', body: JSON.stringify({ ...request, actor }) });
      if (answer.ok) return undefined;
      const body = await answer.json().catch(() => ({}));
      return body.errors?.[0]?.message ?? body.error ?? `Serveren svarede ${answer.status}.`;
    },
    async adoptCharter(version) {
      const answer = await call('/api/admin/charter', { method: 'POST', body: JSON.stringify({ version, actor }) });
      const body = await answer.json().catch(() => ({}));
      if (answer.ok) return { ok: true, message: body.message };
      return { ok: false, message: body.errors?.[0]?.message ?? body.error ?? `Serveren svarede ${answer.status}.` };
    },
    close: async () => {},
  };
}

async function databaseReviewer(): Promise<Reviewer> {
  // Without the server, this command is the database's only user: migrate it as the server would.
  if (!process.env.DATABASE_URL) await migrateLocalDatabase();
  const db = await database();
  return {
    list: (status) => reviewQueue(db, status),
    async act(request) {
      const outcome = await review(db, request, actor);
      if (!outcome.ok) return reviewMessages[outcome.reason];
      await deliverDue(db, mailTransport());
      return undefined;
    },
    async adoptCharter(version) {
      const outcome = await adoptCharterVersion(db, version, actor);
      // Many mails at once: batch after batch, as the cron sends them; what is left waits for the cron.
      if (outcome.ok) await drainOutbox(db, mailTransport());
      return { ok: outcome.ok, message: adoptionMessage(outcome) };
    },
    close: closeRuntime,
  };
}

const [command, ...args] = process.argv.slice(2);
let exitCode = 0;
const reviewer = (await apiReviewer()) ?? (await databaseReviewer());
try {
  if (command === 'list') {
    const status = (args[0] ?? 'confirmed') as SignatureStatus;
    if (!signatureStatuses.includes(status)) throw new Error(usage);
    const rows = await reviewer.list(status);
    if (rows.length === 0) console.log(`Ingen underskrifter med status ${status}.`);
    for (const r of rows) {
      console.log(`${r.id}  ${r.organisation_name} (${r.organisation_type}, ${r.municipality}${r.cvr ? `, CVR ${r.cvr}` : ''})`);
      const contact = r.email ? `${r.contact_name}, ${r.contact_title} <${r.email}>` : '(kontaktperson slettet)';
      console.log(`    ${contact}${r.statement ? `\n    »${r.statement}«` : ''}`);
    }
  } else if ((command === 'approve' || command === 'reject') && args[0]) {
    const id = args[0];
    const problem = await reviewer.act(command === 'approve' ? { action: 'approve', id } : { action: 'reject', id, reason: args.slice(1).join(' ') });
    if (problem) {
      console.error(problem);
      exitCode = 1;
    } else {
      console.log(command === 'approve' ? 'Godkendt: underskriften er nu offentlig, og kontaktpersonen får en mail.' : 'Afvist: kontaktpersonen får en mail med begrundelsen.');
    }
  } else if (command === 'adopt-charter' && /^\d+$/.test(args[0] ?? '')) {
    const { ok, message } = await reviewer.adoptCharter(Number(args[0]));
    if (ok) console.log(message);
    else {
      console.error(message);
      exitCode = 1;
    }
  } else {
    console.error(usage);
    exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await reviewer.close();
}
process.exit(exitCode);
