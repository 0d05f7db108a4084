// GET /api/health/: answers when the functions are wired up; it touches nothing else, so it says nothing about the database.
import { json } from '../src/platform/http/respond.ts';

export function GET(): Response {
  return json({ ok: true });
}
