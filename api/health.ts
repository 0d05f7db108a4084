// GET /api/health/: answers when the functions are wired up; it touches nothing else, so it says nothing about the database.
import { json } from '../src/platform/http/respond.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';

export const GET = endpoint((): Response => {
  return json({ ok: true });
});
