// GET /api/members/count: how many people and organisations are confirmed members; nothing else about members is public.
import { json } from '../../src/platform/http/respond.ts';
import { countCache } from '../../src/membership/member-count.ts';
import { countMembers } from '../../src/membership/members.ts';
import { database } from '../../src/platform/runtime.ts';
import { endpoint } from '../../src/platform/http/endpoint.ts';

export const GET = endpoint(async (): Promise<Response> => {
  const { people, organisations } = await countMembers(await database());
  return json({ people, organisations }, 200, { 'Cache-Control': countCache });
});
