// Consultation rounds (høring): the secretariat opens one with dates and closes it; proposals that came while none was
// open wait for the next, and join it when it opens. At most one round is open at a time (a unique index).
import type { Db, Queryable } from '../platform/db/client.ts';
import { recordAuditRow } from '../platform/audit-log.ts';

export interface RoundRow {
  id: string;
  title: string;
  /** Dates as YYYY-MM-DD (both days included). */
  opens_on: string;
  closes_on: string;
  opened_by: string;
  created_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
}

const roundColumns = `id, title, to_char(opens_on, 'YYYY-MM-DD') AS opens_on, to_char(closes_on, 'YYYY-MM-DD') AS closes_on, opened_by, created_at, closed_at, closed_by`;

/** The day in Copenhagen, where the dates a round is given in are meant. */
export function localDay(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}

/** The round that is not closed, whether its first day has come or not. */
/** A round's title by its id (for the admin's notice after opening or closing it), or nothing. */
export async function roundTitle(q: Queryable, id: string): Promise<string | undefined> {
  const { rows } = await q.query<{ title: string }>('SELECT title FROM consultation_rounds WHERE id = $1', [id]);
  return rows[0]?.title;
}

export async function openRound(q: Queryable): Promise<RoundRow | undefined> {
  const { rows } = await q.query<RoundRow>(`SELECT ${roundColumns} FROM consultation_rounds WHERE closed_at IS NULL`);
  return rows[0];
}

/** The round proposals go into now: not closed, and today within its dates. */
export async function currentRound(q: Queryable, now: Date): Promise<RoundRow | undefined> {
  const round = await openRound(q);
  if (!round) return undefined;
  const today = localDay(now);
  return round.opens_on <= today && today <= round.closes_on ? round : undefined;
}

/** What a principle page says about rounds: open until a day, coming from a day, or none. */
export type RoundState = { kind: 'open'; round: RoundRow } | { kind: 'coming'; round: RoundRow } | { kind: 'none' };

export async function roundState(q: Queryable, now: Date): Promise<RoundState> {
  const round = await openRound(q);
  if (!round) return { kind: 'none' };
  const today = localDay(now);
  if (today < round.opens_on) return { kind: 'coming', round };
  if (today <= round.closes_on) return { kind: 'open', round };
  return { kind: 'none' };
}

export const datePattern = /^\d{4}-\d{2}-\d{2}$/;

const isDate = (text: string) => datePattern.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

export type RoundOutcome = { ok: true; round: RoundRow } | { ok: false; reason: 'title' | 'dates' | 'open-already' | 'none-open' };

/**
 * Opens a round. A round that was never closed but whose last day has passed is closed first. The proposals waiting
 * for the next round (confirmed or published, with no round) join this one.
 */
export async function openConsultationRound(db: Db, input: { title: string; opensOn: string; closesOn: string }, actor: string, now: Date = new Date()): Promise<RoundOutcome> {
  const title = input.title.replace(/\s+/g, ' ').trim();
  if (!title || title.length > 200) return { ok: false, reason: 'title' };
  if (!isDate(input.opensOn) || !isDate(input.closesOn) || input.closesOn < input.opensOn) return { ok: false, reason: 'dates' };
  return db.transaction(async (tx): Promise<RoundOutcome> => {
    const open = await openRound(tx);
    if (open && open.closes_on >= localDay(now)) return { ok: false, reason: 'open-already' };
    if (open) await tx.query('UPDATE consultation_rounds SET closed_at = $2, closed_by = $3 WHERE id = $1', [open.id, now, 'cron']);
    const { rows } = await tx.query<RoundRow>(
      `INSERT INTO consultation_rounds (title, opens_on, closes_on, opened_by, created_at) VALUES ($1, $2::date, $3::date, $4, $5) RETURNING ${roundColumns}`,
      [title, input.opensOn, input.closesOn, actor, now],
    );
    const round = rows[0]!;
    const joined = await tx.query(`UPDATE charter_proposals SET round_id = $1 WHERE round_id IS NULL AND status IN ('pending', 'confirmed', 'published')`, [round.id]);
    await recordAuditRow(tx, { actor, action: 'round-open', subject: round.id, detail: `${title}: ${input.opensOn}–${input.closesOn} (${joined.rowCount})` }, now);
    return { ok: true, round };
  });
}

/** Closes the open round now; proposals after this wait for the next one. */
export async function closeConsultationRound(db: Db, actor: string, now: Date = new Date()): Promise<RoundOutcome> {
  return db.transaction(async (tx): Promise<RoundOutcome> => {
    const open = await openRound(tx);
    if (!open) return { ok: false, reason: 'none-open' };
    await tx.query('UPDATE consultation_rounds SET closed_at = $2, closed_by = $3 WHERE id = $1', [open.id, now, actor]);
    await recordAuditRow(tx, { actor, action: 'round-close', subject: open.id, detail: open.title }, now);
    return { ok: true, round: { ...open, closed_at: now, closed_by: actor } };
  });
}
