// The server behind `npm start`: the built site in dist/ and the functions in api/ on one port, as Vercel would serve them (see src/dev-server/local-server.ts).
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer } from '../src/dev-server/local-server.ts';
import { closeRuntime, migrateLocalDatabase } from '../src/platform/runtime.ts';
import { isUnavailable } from '../src/platform/http/unavailable.ts';

const dataDir = process.env.DATA_DIR ?? '.data';
await mkdir(dataDir, { recursive: true });

// Without ADMIN_TOKEN, make one for this run and leave it where `npm run secretariat` finds it.
if (!process.env.ADMIN_TOKEN) {
  process.env.ADMIN_TOKEN = randomBytes(24).toString('base64url');
  await writeFile(join(dataDir, 'admin-token'), `${process.env.ADMIN_TOKEN}\n`, { mode: 0o600 });
}

// Without SESSION_SECRET, keep one in the data folder, so admin logins survive a restart of the local server.
if (!process.env.SESSION_SECRET) {
  const file = join(dataDir, 'session-secret');
  const kept = (await readFile(file, 'utf8').catch(() => '')).trim();
  process.env.SESSION_SECRET = kept || randomBytes(32).toString('base64url');
  if (!kept) await writeFile(file, `${process.env.SESSION_SECRET}\n`, { mode: 0o600 });
}

const port = Number(process.env.PORT ?? 4321);
// Links in mails point at this server unless SITE_URL says otherwise, so PORT=8080 npm start gives working links.
process.env.SITE_URL ||= `http://localhost:${port}`;

// Locally the server migrates its own database before the first request, so `npm install && npm start` needs no
// setup; a deployment migrates in its build instead (scripts/migrate.ts), and its functions only check the schema.
// A database that is down is no reason not to serve the site: the pages answer, and the functions answer 503 until
// it is back (their schema check runs again then).
try {
  const migrated = await migrateLocalDatabase();
  if (migrated.length) console.log(`Kørte migreringer: ${migrated.join(', ')}`);
} catch (error) {
  if (!isUnavailable(error)) throw error;
  console.error(`Databasen svarer ikke, så den er ikke migreret endnu (${error instanceof Error ? error.message : String(error)}). Siden serveres; funktionerne svarer 503, til databasen er tilbage.`);
}

const server = await startServer({
  port,
  host: process.env.HOST ?? '127.0.0.1',
  distDir: process.env.DIST_DIR,
});
console.log(`Samskabelse kører på ${server.url}/`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log('Stopper …');
    server.close().then(closeRuntime).then(() => process.exit(0));
  });
}
