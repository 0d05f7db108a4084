// LIX, the readability measure Danish writers know: words per sentence plus the share of long words (over six
// letters) in per cent. Under about 40 is easy, 40–50 is newspaper prose, and above is heavy going.
import type { Collection } from './check-content.ts';

const wordPattern = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const sentenceEnd = /[.!?:;]+(?=\s|$)/g;

/** The LIX of prose given as blocks (paragraphs, headings, list items): each block ends a sentence. */
export function lix(blocks: readonly string[]): number | undefined {
  let words = 0;
  let longWords = 0;
  let sentences = 0;
  for (const block of blocks) {
    const found = block.match(wordPattern) ?? [];
    if (found.length === 0) continue;
    words += found.length;
    longWords += found.filter((w) => w.replace(/[-'’]/g, '').length > 6).length;
    const ends = block.trim().match(sentenceEnd)?.length ?? 0;
    // A block that doesn't end with a full stop (a heading, a list item) still ends a sentence.
    sentences += ends + (/[.!?:;]$/.test(block.trim()) ? 0 : 1);
  }
  if (words === 0) return undefined;
  return Math.round(words / sentences + (longWords * 100) / words);
}

/** The goal per kind of text: the charter's principles and the manifesto at most 40, everything else at most 45. */
export function lixGoal(collection: Collection, id: string): number {
  if (collection === 'principles') return 40;
  if (collection === 'pages' && id === 'manifest') return 40;
  return 45;
}

export const lixMessages = {
  overGoal: (value: number, goal: number) =>
    `LIX er ${value}, og målet for denne slags side er højst ${goal}. Skriv kortere sætninger, og brug kortere ord, hvor det kan lade sig gøre. (En advarsel: siden bliver stadig bygget.)`,
} as const;
