// The local server behind `npm start`: the built site in dist/ on one port, as Vercel would serve it.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { sendNotFound, serveStatic } from '../src/server/http/static-files.ts';

const root = resolve(process.env.DIST_DIR ?? 'dist');
const port = Number(process.env.PORT ?? 4321);

const server = createServer(async (req, res) => {
  try {
    if (await serveStatic(root, req, res)) return;
    await sendNotFound(root, req, res);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Der skete en fejl på serveren.');
  }
});

server.listen(port, () => {
  console.log(`Samskabelse kører på http://localhost:${port}/`);
});
