// The server the signing benchmark drives: the real request listener of `npm start`, behind a stand-in for Vercel's edge
// that takes each visitor's IP from the x-bench-client-ip header, so the rate limit runs for many visitors as in production.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestListener } from '../../src/dev-server/local-server.ts';
import { migrateLocalDatabase } from '../../src/platform/runtime.ts';

export const clientIpHeader = 'x-bench-client-ip';

// Migrated before listening, as `npm start` does (the signing benchmark's schema is migrated already: a no-op there).
await migrateLocalDatabase();
const listener = await createRequestListener({ distDir: process.env.DIST_DIR });
const server = createServer((req, res) => {
  // Vercel's edge sets x-forwarded-for from the connection; here one connection carries many visitors, so the
  // benchmark names each one. The listener then overwrites the forwarded headers from this address, as always.
  const ip = req.headers[clientIpHeader];
  if (typeof ip === 'string') Object.defineProperty(req.socket, 'remoteAddress', { value: ip, configurable: true });
  listener(req, res);
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((done) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', done));
// The parent reads the port from this line.
console.log(`listening ${(server.address() as AddressInfo).port}`);

// The benchmark is done with it: stop at once, without waiting for paced mail (a CPU profile is still written).
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
});
