// A case summary cut to a teaser for the library list, at a word boundary, so the list of every case stays small
// enough to arrive in one response; the case page shows the whole summary.

/** The text as it is when it fits in `max` characters, else cut after the last whole word that fits, with "…". */
export function teaser(text: string, max = 140): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const end = cut.lastIndexOf(' ');
  return `${(end > max / 2 ? cut.slice(0, end) : text.slice(0, max)).replace(/[\s,.;:–-]+$/, '')}…`;
}
