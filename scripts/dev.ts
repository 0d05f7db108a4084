// `npm run dev`: Astro's dev server with reload on :4321, and the functions on a second port behind its proxy,
// so forms, the wall and mail links work while you edit. Function pages use the frame from the last build.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../src/dev-server/local-server.ts';
import { migrateLocalDatabase } from '../src/platform/runtime.ts';

const port = Number(process.env.PORT ?? 4321);
const apiPort = Number(process.env.API_PORT ?? port + 1);
const astro = join(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');

if (!existsSync('dist/skabelon/index.html')) {
  console.log('Bygger siden én gang, så funktionerne har sidens ramme …');
  const build = spawn(process.execPath, [astro, 'build'], { stdio: 'inherit' });
  await new Promise((done) => build.once('exit', done));
}

// The functions' database is migrated here, before the first request (see scripts/serve.ts).
await migrateLocalDatabase();
const api = await startServer({ port: apiPort, host: '127.0.0.1', reload: true });
console.log(`Funktionerne kører på ${api.url}/ (bag proxyen på http://localhost:${port}/)`);
const dev = spawn(process.execPath, [astro, 'dev', '--port', String(port)], {
  stdio: 'inherit',
  env: { ...process.env, DEV_API_URL: api.url },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal));
dev.once('exit', async (code) => {
  await api.close();
  process.exit(code ?? 0);
});
