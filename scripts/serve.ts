// The server behind `npm start`: the built site in dist/ and the functions in api/ on one port, as Vercel would serve them (see src/server/http/local-server.ts).
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer } from '../src/server/http/local-server.ts';
import { closeRuntime } from '../src/server/runtime.ts';

// Without ADMIN_TOKEN, make one for this run and leave it where `npm run secretariat` finds it.
if (!process.env.ADMIN_TOKEN) {
  const dataDir = process.env.DATA_DIR ?? '.data';
  process.env.ADMIN_TOKEN = randomBytes(24).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'admin-token'), `${process.env.ADMIN_TOKEN}\n`, { mode: 0o600 });
}

const server = await startServer({
  port: Number(process.env.PORT ?? 4321),
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
