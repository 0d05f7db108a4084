// GET /api/members/count: how many people and organisations are confirmed members; nothing else about members is public.
import { json } from '../../src/server/http/respond.ts';
import { countCache } from '../../src/server/http/member-count.ts';
import { countMembers } from '../../src/server/members.ts';
import { database } from '../../src/server/runtime.ts';

export async function GET(): Promise<Response> {
  const { people, organisations } = await countMembers(await database());
  return json({ people, organisations }, 200, { 'Cache-Control': countCache });
}
