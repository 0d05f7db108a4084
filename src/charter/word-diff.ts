// A readable word-level diff between two versions of a text: which words stayed, which were removed and which were
// added, with the whitespace and punctuation kept, so joining the parts gives back either text. Pure: no fs, no db.
import { escapeHtml } from '../platform/html/escape.ts';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** A word (letters and digits, with inner hyphens and apostrophes: "tids-begrænset", "don't"), a run of whitespace, or one other character. */
const tokenPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|\s+|[^\s\p{L}\p{N}]/gu;

function tokens(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

const isSpace = (text: string) => /^\s+$/.test(text);

/** Above this many cells the LCS table costs too much; the middle is then shown as one removal and one addition. */
const maxCells = 4_000_000;

/** The longest common subsequence of two token lists as parts, one token per part. */
function lcsParts(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((text) => ({ kind: 'added', text }));
  if (m === 0) return a.map((text) => ({ kind: 'removed', text }));
  if (n * m > maxCells) return [{ kind: 'removed', text: a.join('') }, { kind: 'added', text: b.join('') }];
  // lengths[i][j]: the LCS length of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      parts.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      parts.push({ kind: 'removed', text: a[i++]! });
    } else {
      parts.push({ kind: 'added', text: b[j++]! });
    }
  }
  while (i < n) parts.push({ kind: 'removed', text: a[i++]! });
  while (j < m) parts.push({ kind: 'added', text: b[j++]! });
  return parts;
}

/**
 * Makes the parts readable: a change is shown as its removed words followed by its added words, and a lone space
 * between two changes belongs to the change ("gamle ord" → "nye ord" rather than interleaved single words).
 */
function tidy(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    const inChange = removed !== '' || added !== '';
    const nextIsChange = parts[k + 1] !== undefined && parts[k + 1]!.kind !== 'same';
    if (part.kind === 'removed') removed += part.text;
    else if (part.kind === 'added') added += part.text;
    else if (inChange && nextIsChange && isSpace(part.text)) {
      removed += part.text;
      added += part.text;
    } else {
      flush();
      const last = out.at(-1);
      if (last?.kind === 'same') last.text += part.text;
      else out.push({ ...part });
    }
  }
  flush();
  return out;
}

/** The word-level diff from `before` to `after`: the `same` and `removed` parts join to `before`, the `same` and `added` parts to `after`. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // The common start and end need no table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const parts: DiffPart[] = [
    ...a.slice(0, start).map((text): DiffPart => ({ kind: 'same', text })),
    ...lcsParts(a.slice(start, a.length - end), b.slice(start, b.length - end)),
    ...a.slice(a.length - end).map((text): DiffPart => ({ kind: 'same', text })),
  ];
  return tidy(parts);
}

/** Whether a diff has any change at all. */
export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((p) => p.kind !== 'same');
}

/**
 * The diff as HTML: `<del>` and `<ins>`, each starting with a visually hidden label ("fjernet:", "tilføjet:"), since
 * screen readers do not announce the elements themselves. All text is escaped.
 */
export function wordDiffHtml(parts: DiffPart[], labels: { added: string; removed: string }): string {
  return parts
    .map((part) => {
      const text = escapeHtml(part.text);
      if (part.kind === 'same') return text;
      const tag = part.kind === 'added' ? 'ins' : 'del';
      const label = part.kind === 'added' ? labels.added : labels.removed;
      return `<${tag}><span class="visually-hidden">${escapeHtml(label)}: </span>${text}</${tag}>`;
    })
    .join('');
}

/** The diff as plain text for a mail: removed words in [-…-], added words in {+…+}, as `git diff --word-diff` does. */
export function wordDiffText(parts: DiffPart[]): string {
  return parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'added' ? `{+${p.text}+}` : `[-${p.text}-]`)).join('');
}
