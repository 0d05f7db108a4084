// Which pages have a translation: the same page in the other language, and whether it is really translated (an
// English case, principle or page exists only once its file is in content/en/; until then /en/ says so).
import { getCollection } from 'astro:content';
import { counterpartPath, isFixedPage, pagePath, type RouteLanguage } from '../routes.ts';

export interface Translation {
  lang: RouteLanguage;
  path: string;
  /** False when the other page is only the note that this one is not translated yet (or is that note's original). */
  translated: boolean;
}

let englishIds: Promise<Record<'cases' | 'principles' | 'pages', Set<string>>> | undefined;
const ids = async (name: 'casesEn' | 'principlesEn' | 'pagesEn') => new Set((await getCollection(name)).map((e) => e.id));

function translatedIds() {
  englishIds ??= Promise.all([ids('casesEn'), ids('principlesEn'), ids('pagesEn')]).then(([cases, principles, pages]) => ({ cases, principles, pages }));
  return englishIds;
}

/** The same page in the other language, for the language switch and the hreflang alternates. */
export async function translationOf(path: string): Promise<Translation | undefined> {
  const other = counterpartPath(path);
  if (!other) return undefined;
  // A fixed page such as /charter/aendringer/ sits beside the principles but is no principle: it is always translated.
  if (isFixedPage(path)) return { ...other, translated: true };
  const english = await translatedIds();
  const rest = path.startsWith('/en/') ? path.slice(3) : path;
  const content = rest.match(/^\/(cases|charter)\/([^/]+)\/$/);
  if (content) return { ...other, translated: (content[1] === 'cases' ? english.cases : english.principles).has(content[2]!) };
  for (const page of await getCollection('pages')) {
    if (pagePath(page.id, 'da') === path || pagePath(page.id, 'en') === path) return { ...other, translated: english.pages.has(page.id) };
  }
  return { ...other, translated: true };
}
