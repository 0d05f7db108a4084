// The number of organisations on the public wall, for the front page: read within a time limit, never the reason the
// page fails, and rendered as one sentence that links to the wall.
import type { Db } from '../platform/db/client.ts';
import { database } from '../platform/runtime.ts';
import { escapeHtml } from '../platform/html/escape.ts';
import { strings, type Strings } from '../i18n/index.ts';
import { routes } from '../routes.ts';

/** The signatories on the public list: published and willing to be shown (the wall's own rule). */
export async function countListedSignatories(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signatures WHERE status = 'published' AND consent_public`);
  return Number(rows[0]?.n ?? 0);
}

/** The count, or undefined when the database does not answer within `timeoutMs` or fails. */
export async function listedSignatoryCountOrNothing(timeoutMs = 2000): Promise<number | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([database().then(countListedSignatories), giveUp]);
  } catch (error) {
    console.error('signatory count: the database did not answer; the page is shown without it.', error);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** "12 organisationer står bag chartret. Se, hvem der har skrevet under"; without a count, the link alone. */
export function renderSignatoryCount(count: number | undefined, t: Strings = strings()): string {
  const f = t.findWall;
  const link = `<a href="${routes.signatories}">${escapeHtml(f.seeWho)}</a>`;
  if (count === undefined) return `<p class="signatory-count">${link}</p>`;
  const sentence = count === 0 ? escapeHtml(f.none) : `<strong>${escapeHtml(f.count(new Intl.NumberFormat(t.locale).format(count), count))}</strong>`;
  return `<p class="signatory-count" id="antal-underskrivere">${sentence} ${link}</p>`;
}
