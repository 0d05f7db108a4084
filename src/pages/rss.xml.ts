// The RSS feed of cases, newest first by the date each case file was added to git.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCases } from '../catalog/cases.ts';
import { addedDate } from '../catalog/git-dates.ts';
import { strings } from '../i18n/index.ts';
import { routes } from '../routes.ts';

export async function GET(context: APIContext) {
  const t = strings();
  const cases = await getCases();
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
    title: `${t.site.name}: nye cases`,
    description: t.cases.lead,
    site: context.site ?? 'http://localhost:4321',
    items,
    customData: '<language>da</language>',
  });
}
