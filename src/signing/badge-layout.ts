// Lays out the badge's text without a font at hand: a conservative width per character, lines broken at spaces (and
// inside a word too long for a line), and a smaller font for a long name, so no name up to 200 characters is clipped.

/**
 * The widest advance, in em, that any font in the badge's stack (system-ui, Segoe UI, Arial, or the fallback
 * sans-serif, which is DejaVu Sans on most Linux systems and the widest of them) gives a character in bold, rounded up.
 * Measured in Chromium with canvas measureText on DejaVu Sans Bold and Liberation Sans Bold (Arial's metrics).
 * @not-ui-text: the characters of each width class, not text anyone reads.
 */
const widthClasses: [number, string][] = [
  [0.4, ` 'iljI|.,:;·‘’\`/\\`],
  [0.6, `frt()[]-!"*J_–§`],
  [0.76, `abcdeghknopqsuvxyz0123456789?$€ßøåéèêëüöäóòíìúùñçEFLPTSYZ{}«»“”`],
  [0.9, `ABCDGHKNOQRUVXÄÖÜÅØÉ#+<=>^~&`],
  [1.12, `mwMWæÆ%@—…½`],
];
/** Anything else (other scripts, emoji, symbols) counts as wider than any Latin letter. */
const unknownWidth = 1.3;
const widths = new Map<string, number>(widthClasses.flatMap(([width, chars]) => [...chars].map((c) => [c, width] as [string, number])));

/** Combining marks take no room of their own. */
const combining = /\p{M}/u;

/** The width in em of one character (a code point) by the conservative table. */
export function charWidth(char: string): number {
  if (combining.test(char)) return 0;
  return widths.get(char) ?? unknownWidth;
}

/** The conservative width of a text set at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += charWidth(char);
  return em * fontSize;
}

const graphemes = new Intl.Segmenter('da', { granularity: 'grapheme' });

/** Breaks one word that is wider than a line into pieces that each fit, between graphemes (never inside æ or an emoji). */
function breakWord(word: string, fontSize: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of graphemes.segment(word)) {
    if (piece && textWidth(piece + segment, fontSize) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += segment;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** The text broken into lines that each measure at most `maxWidth` at `fontSize`. */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (textWidth(word, fontSize) <= maxWidth) {
      line = word;
    } else {
      const pieces = breakWord(word, fontSize, maxWidth);
      line = pieces.pop() ?? '';
      lines.push(...pieces);
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface FittedText {
  fontSize: number;
  lines: string[];
}

/**
 * The largest font size from `largest` down to `smallest` at which the text takes at most `maxLines` lines; a text too
 * long even then gets the smallest size and as many lines as it needs (the badge grows taller, it never clips).
 */
export function fitText(text: string, maxWidth: number, { largest, smallest, maxLines }: { largest: number; smallest: number; maxLines: number }): FittedText {
  for (let fontSize = largest; fontSize > smallest; fontSize -= 1) {
    const lines = wrapText(text, fontSize, maxWidth);
    if (lines.length <= maxLines) return { fontSize, lines };
  }
  return { fontSize: smallest, lines: wrapText(text, smallest, maxWidth) };
}
