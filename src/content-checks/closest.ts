// "Mente du …?": finds the allowed values closest to a misspelt one, by edit distance on a Danish-aware spelling.
import { slugify } from '../routes.ts';

/** Lower case, æ/ø/å spelt out as in URLs, accents dropped, runs of space and punctuation as one hyphen: a URL segment. */
export const looseSpelling = slugify;

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`: optimal string alignment distance. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidates nearest to `value`, best first (at most two, both equally near), or none when nothing is near
 * enough to be a likely typo: within 40 % of the longer word's length, and never more than 6 edits.
 */
export function closest(value: string, candidates: readonly string[]): string[] {
  const wanted = looseSpelling(value);
  if (!wanted) return [];
  let best = Infinity;
  let found: string[] = [];
  for (const candidate of candidates) {
    const spelt = looseSpelling(candidate);
    const distance = editDistance(wanted, spelt);
    const allowed = Math.min(6, Math.max(2, Math.floor(Math.max(wanted.length, spelt.length) * 0.4)));
    if (distance > allowed) continue;
    if (distance < best) {
      best = distance;
      found = [candidate];
    } else if (distance === best && !found.includes(candidate)) {
      found.push(candidate);
    }
  }
  return found.slice(0, 2);
}

/** ` Mente du "a"?` or ` Mente du "a" eller "b"?`, or nothing. */
export function meantText(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  return ` Mente du ${suggestions.map((s) => `"${s}"`).join(' eller ')}?`;
}
