// The secretariat's view of the members: search and filter, for the admin page and its CSV export. Never public.
import { memberColumns, type MemberFilter, type MemberRecord } from '../membership/member-filter.ts';
import type { Db } from '../platform/db/client.ts';

export { memberColumns, memberFilterFrom, memberFilterQuery, type MemberFilter, type MemberRecord } from '../membership/member-filter.ts';

export async function searchMembers(db: Db, filter: MemberFilter, limit = 10_000): Promise<MemberRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => where.push(sql(`$${params.push(value)}`));
  if (filter.q) {
    // A literal search: % and _ typed by the secretariat mean themselves.
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add((p) => `(lower(name) LIKE ${p} OR email_key LIKE ${p} OR lower(coalesce(organisation_name, '')) LIKE ${p})`, pattern);
  }
  if (filter.kind) add((p) => `kind = ${p}`, filter.kind);
  if (filter.status) add((p) => `status = ${p}`, filter.status);
  if (filter.municipality) add((p) => `municipality = ${p}`, filter.municipality);
  if (filter.interest) add((p) => `${p} = ANY (interests)`, filter.interest);
  if (filter.newsletter !== undefined) add((p) => `newsletter = ${p}`, filter.newsletter);
  const { rows } = await db.query<MemberRecord>(
    `SELECT ${memberColumns.join(', ')} FROM members ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY created_at DESC, id LIMIT $${params.push(limit)}`,
    params,
  );
  return rows;
}
