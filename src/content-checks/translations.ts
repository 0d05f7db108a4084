// The English edition's state, for editors (in Danish): which Danish files have no English counterpart in
// content/en/ ("ikke oversat", allowed) and which English files are older than their Danish source ("måske
// forældet"), from the same git dates the site shows. On a shallow clone (Vercel) git knows only the newest commit,
// so both dates are the same and nothing is reported as outdated.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentFolders, englishFolders } from '../content-schemas.ts';
import { readGitHistory, type GitHistory } from '../catalog/git-dates.ts';
import { isFixedPage } from '../routes.ts';

export type ContentKind = keyof typeof contentFolders;

export interface TranslationReport {
  /** Danish files with no English file of the same name. */
  notTranslated: string[];
  /** English files last changed before their Danish source: the Danish text may have moved on. */
  mayBeOutdated: { english: string; danish: string }[];
}

const mdxIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.mdx')).sort() : []);

export function translationReport(root: string, history: GitHistory = readGitHistory(root)): TranslationReport {
  const report: TranslationReport = { notTranslated: [], mayBeOutdated: [] };
  for (const kind of Object.keys(contentFolders) as ContentKind[]) {
    const english = new Set(mdxIn(join(root, englishFolders[kind])));
    for (const name of mdxIn(join(root, contentFolders[kind]))) {
      const danish = `${contentFolders[kind]}/${name}`;
      if (!english.has(name)) {
        report.notTranslated.push(danish);
        continue;
      }
      const translation = `${englishFolders[kind]}/${name}`;
      const danishDate = history.updated(join(root, danish));
      const englishDate = history.updated(join(root, translation));
      if (danishDate && englishDate && englishDate < danishDate) report.mayBeOutdated.push({ english: translation, danish });
    }
  }
  return report;
}

/** The report as the editors read it, in Danish. */
export function translationText(report: TranslationReport): string {
  const lines = [`Den engelske udgave: ${report.notTranslated.length} fil(er) er ikke oversat endnu, ${report.mayBeOutdated.length} kan være forældet.`];
  for (const file of report.notTranslated) lines.push(`  ikke oversat: ${file} (det er i orden; den engelske side viser den danske)`);
  for (const { english, danish } of report.mayBeOutdated) lines.push(`  måske forældet: ${english} er ældre end ${danish}. Læs den danske ændring, og ret den engelske tekst.`);
  return lines.join('\n') + '\n';
}

/**
 * Whether a page of either edition has its counterpart in the other: a case, principle or editorial page needs its
 * file in content/en/; the fixed pages always have one. The sitemap's hreflang links use it (at build time, no git).
 */
export function hasTranslation(path: string, root: string, pagePathOf: (slug: string, lang: 'da' | 'en') => string): boolean {
  if (isFixedPage(path)) return true;
  const rest = path.startsWith('/en/') ? path.slice(3) : path;
  const content = rest.match(/^\/(cases|charter)\/([^/]+)\/$/);
  if (content) return existsSync(join(root, content[1] === 'cases' ? englishFolders.cases : englishFolders.principles, `${content[2]}.mdx`));
  for (const name of mdxIn(join(root, contentFolders.pages))) {
    const slug = name.replace(/\.mdx$/, '');
    if (pagePathOf(slug, 'da') === path || pagePathOf(slug, 'en') === path) return existsSync(join(root, englishFolders.pages, name));
  }
  return true;
}
