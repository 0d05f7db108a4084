// The wall's SQL: one page of published signatories by keyset (newest first or by name), the filtered total, the
// counts per type and municipality from one aggregate, and every row in batches for the CSV. Each is served by an
// index from db/migrations/006_wall.sql, so a page costs the same at 100 rows as at 100,000.
import type { Db } from '../platform/db/client.ts';
import type { PublicSignatory } from './signatures.ts';
import type { OrganisationType } from './signature-input.ts';
import type { WallSort } from './signatory-wall.ts';


export interface WallQuery {
  type?: string;
  municipality?: string;
  q?: string;
  sort?: WallSort;
  /** The page after this cursor (the `next` of the page before). */
  after?: string;
  /** The page before this cursor (the `previous` of the page after). */
  before?: string;
  limit?: number;
}

export interface WallPage {
  signatories: PublicSignatory[];
  /** Every row that matches the filter, on all pages. */
  total: number;
  next?: string;
  previous?: string;
}

export interface WallCounts {
  total: number;
  byType: Partial<Record<OrganisationType, number>>;
  /** Signatories per municipality name ("Hele landet" included). */
  byMunicipality: Map<string, number>;
  /** Municipalities whose kommune itself has signed. */
  kommunes: Set<string>;
}

export const wallPageSize = 50;
const listed = `status = 'published' AND consent_public`;
/** The search index's expression (db/migrations/006_wall.sql), spelt exactly as there. */
export const wallSearchVector = `to_tsvector('simple'::regconfig, organisation_name || ' ' || coalesce(statement, ''))`;
const nameKey = `(lower(organisation_name) COLLATE "C")`;
const columns = `id, organisation_name AS name, organisation_type AS type, municipality, confirmed_at AS signed_at, statement, charter_version, affirmed_version`;

/** The words of a search as a prefix query: letters and digits only, so nothing the visitor types is tsquery syntax. */
export function searchQuery(q: string | undefined): string | undefined {
  const words = (q ?? '')
    .toLocaleLowerCase('da')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => `${word.slice(0, 50)}:*`);
  return words.length ? words.join(' & ') : undefined;
}

interface Cursor {
  key: string;
  id: string;
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

/** A cursor from a URL, or undefined when it isn't one of ours (then the first page is shown). */
export function decodeCursor(text: string | undefined | null): Cursor | undefined {
  if (!text || text.length > 400) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [key, id] = value as unknown[];
    // Postgres refuses a NUL even as a parameter; no key of ours holds one.
    if (typeof key !== 'string' || key.length > 250 || key.includes('\0') || typeof id !== 'string' || !uuidShape.test(id)) return undefined;
    return { key, id };
  } catch {
    return undefined;
  }
}

/** The WHERE clause for a filter, with its parameters numbered from `params.length + 1`. */
function filterSql(query: WallQuery, params: unknown[]): string {
  const where = [listed];
  if (query.type) where.push(`organisation_type = $${params.push(query.type)}`);
  if (query.municipality) where.push(`municipality = $${params.push(query.municipality)}`);
  const search = searchQuery(query.q);
  if (search) where.push(`${wallSearchVector} @@ to_tsquery('simple'::regconfig, $${params.push(search)})`);
  return where.join(' AND ');
}

// Per sort: the keyset's columns as SQL, its direction, and how the key is read back as text for the cursor.
// confirmed_at goes through text so the cursor keeps its microseconds (a JS Date would round them away).
// `accepts` tells a key of that kind from anything else a URL may carry, so a forged cursor never reaches a cast.
const orders: Record<WallSort, { key: string; keyText: string; cast: string; descending: boolean; accepts: (key: string) => boolean }> = {
  nyeste: { key: 'confirmed_at', keyText: 'confirmed_at::text', cast: '::timestamptz', descending: true, accepts: isTimestampText },
  navn: { key: nameKey, keyText: `lower(organisation_name)`, cast: ' COLLATE "C"', descending: false, accepts: () => true },
};

/** A timestamptz as Postgres writes it as text ("2026-05-01 09:00:00.123456+00"), and a real moment. */
function isTimestampText(key: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([+-]\d{2})(:\d{2})?$/.exec(key);
  if (!match) return false;
  const [, y, mo, d, h, mi, sec] = match.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, sec!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d && h! < 24 && mi! < 60 && sec! < 60;
}

type KeyedRow = PublicSignatory & { cursor_key: string };

/** One page of the wall by keyset, with the total for the same filter. */
export async function wallPage(db: Db, query: WallQuery, options: { total?: boolean } = {}): Promise<WallPage> {
  const limit = Math.max(1, Math.min(query.limit ?? wallPageSize, 1000));
  const order = orders[query.sort ?? 'nyeste'];
  const usable = (cursor: Cursor | undefined) => (cursor && order.accepts(cursor.key) ? cursor : undefined);
  const after = usable(decodeCursor(query.after));
  const before = after ? undefined : usable(decodeCursor(query.before));
  const params: unknown[] = [];
  const where = filterSql(query, params);
  const countParams = [...params];
  // Going back walks the order the other way from the cursor and turns the rows round afterwards.
  const backwards = Boolean(before);
  const descending = order.descending !== backwards;
  const cursor = after ?? before;
  const seek = cursor
    ? ` AND (${order.key}, id) ${descending ? '<' : '>'} ($${params.push(cursor.key)}${order.cast}, $${params.push(cursor.id)}::uuid)`
    : '';
  const direction = descending ? 'DESC' : 'ASC';
  const [{ rows }, counted] = await Promise.all([
    db.query<KeyedRow>(
      `SELECT ${columns}, ${order.keyText} AS cursor_key FROM signatures WHERE ${where}${seek}
       ORDER BY ${order.key} ${direction}, id ${direction} LIMIT ${limit + 1}`,
      params,
    ),
    options.total === false ? undefined : db.query<{ total: number }>(`SELECT count(*)::int AS total FROM signatures WHERE ${where}`, countParams),
  ]);
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  if (backwards) shown.reverse();
  const keyOf = (row: KeyedRow | undefined) => (row ? encodeCursor({ key: row.cursor_key, id: row.id }) : undefined);
  const first = shown[0];
  const last = shown.at(-1);
  return {
    signatories: shown.map(({ cursor_key: _, ...signatory }) => signatory),
    total: counted?.rows[0]?.total ?? 0,
    next: backwards ? keyOf(last) : more ? keyOf(last) : undefined,
    previous: backwards ? (more ? keyOf(first) : undefined) : after ? keyOf(first) : undefined,
  };
}

/** Counts per type and municipality, and where the kommune itself has signed, from one aggregate over the listed rows. */
export async function wallCounts(db: Db): Promise<WallCounts> {
  const { rows } = await db.query<{ type: OrganisationType; municipality: string; n: number }>(
    `SELECT organisation_type AS type, municipality, count(*)::int AS n FROM signatures WHERE ${listed} GROUP BY organisation_type, municipality`,
  );
  const counts: WallCounts = { total: 0, byType: {}, byMunicipality: new Map(), kommunes: new Set() };
  for (const { type, municipality, n } of rows) {
    counts.total += n;
    counts.byType[type] = (counts.byType[type] ?? 0) + n;
    counts.byMunicipality.set(municipality, (counts.byMunicipality.get(municipality) ?? 0) + n);
    if (type === 'kommune') counts.kommunes.add(municipality);
  }
  return counts;
}

/** Every row that matches the filter, a batch at a time by keyset: memory stays at one batch however many there are. */
export async function* allListed(db: Db, query: Omit<WallQuery, 'after' | 'before' | 'limit'>, batch = 1000): AsyncGenerator<PublicSignatory[]> {
  let after: string | undefined;
  do {
    const page = await wallPage(db, { ...query, after, limit: batch }, { total: false });
    if (page.signatories.length) yield page.signatories;
    after = page.next;
  } while (after);
}
