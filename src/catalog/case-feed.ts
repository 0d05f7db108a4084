// The RSS feed of cases in one language, newest first by the date each case file was added to git. The English
// feed holds only the cases that are translated.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCasesIn, isEnglish } from './cases.ts';
import { addedDate } from './git-dates.ts';
import { strings, type Language } from '../i18n/index.ts';
import { routesFor } from '../routes.ts';

export async function caseFeed(context: APIContext, lang: Language): Promise<Response> {
  const t = strings(lang);
  const routes = routesFor(lang);
  const cases = (await getCasesIn(lang)).filter((c) => lang === 'da' || isEnglish(c));
  const items = cases
    .map((c) => ({
      title: c.data.title,
      description: c.data.summary,
      link: routes.case(c.id),
      pubDate: addedDate(c.filePath),
      categories: [c.data.municipality, ...c.data.areas.map((a) => t.labels.areas[a])],
    }))
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());
  return rss({
    title: `${t.site.name}: ${t.cases.feedTitle}`,
    description: t.cases.lead,
    site: context.site ?? 'http://localhost:4321',
    items,
    customData: `<language>${t.lang}</language>`,
  });
}
