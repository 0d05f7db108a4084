// What the proposal functions share between reading a request and answering it: which principle a path names, and the
// principle's page with the data it shows (its published proposals and the round).
import type { Queryable } from '../platform/db/client.ts';
import { languageOfPath, type Language } from '../i18n/index.ts';
import { principleText } from './charter-text.ts';
import { publishedProposals } from './proposals.ts';
import { roundState } from './rounds.ts';
import { renderProposalsPage, type PageState } from './proposal-page.ts';
import { principleSlugShape } from './proposal-input.ts';

/** The principle a page address names: /charter/<slug>/forslag/ or /en/charter/<slug>/proposals/. */
export function principleFromPath(path: string): { slug: string; lang: Language } | undefined {
  const match = /^(?:\/en)?\/charter\/([^/]+)\/(?:forslag|proposals)\/?$/.exec(path);
  const slug = match?.[1];
  return slug && principleSlugShape.test(slug) ? { slug, lang: languageOfPath(path) } : undefined;
}

/** The proposals page for a principle, or undefined when the slug is no principle of the current charter. */
export async function proposalsPageFor(db: Queryable, slug: string, lang: Language, extra: Pick<PageState, 'sent' | 'form'> = {}, now = new Date()): Promise<{ title: string; body: string } | undefined> {
  const principle = await principleText(slug);
  if (!principle) return undefined;
  const [proposals, round] = await Promise.all([publishedProposals(db, slug), roundState(db, now)]);
  return { title: principle.title, body: renderProposalsPage({ principle, round, proposals, lang, ...extra }) };
}
