// The feed of adopted charter versions in one language, newest first: each item says what changed, in plain text.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadCharterVersions } from './charter-versions.ts';
import { adoptedDate, versionChanges } from './charter-history.ts';
import { wordDiffText } from './word-diff.ts';
import { strings, type Language } from '../i18n/index.ts';
import { routesFor } from '../routes.ts';

export async function charterChangesFeed(context: APIContext, lang: Language): Promise<Response> {
  const t = strings(lang);
  const c = t.charterVersions.changes;
  const routes = routesFor(lang);
  const versions = await loadCharterVersions();
  const items = [...versions].reverse().map((version) => {
    const changes = versionChanges(versions, version.version).map((change) => `${c.principle(change.number, change.title)} (${c.kinds[change.kind]}): ${wordDiffText(change.diff)}`);
    return {
      title: c.feedItem(version.version),
      description: [version.summary, ...changes].join('\n\n'),
      link: `${routes.charterChanges}#version-${version.version}`,
      pubDate: adoptedDate(version.adopted),
    };
  });
  return rss({
    title: c.feedTitle,
    description: c.lead,
    site: context.site ?? 'http://localhost:4321',
    items,
    customData: `<language>${t.lang}</language>`,
  });
}
