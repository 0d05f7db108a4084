// schema.org markup for a case page: an Article about a place and period, citing its sources, under CC BY-SA 4.0.
import { caseLicence } from './case-facts.ts';
import { ongoingInContent, regionOf, type CaseEntry } from './cases.ts';
import { unknown } from '../data/vocabulary.ts';
import { strings, type Strings } from '../i18n/index.ts';
import { routes as danishRoutes, type Routes } from '../routes.ts';

/** JSON for a `<script type="application/ld+json">`, with `<` escaped so no text can end the script early. */
export function caseJsonLd(entry: CaseEntry, site: URL, principleTitles: readonly string[], t: Strings = strings(), routes: Routes = danishRoutes): string {
  const d = entry.data;
  const start = d.period.start === unknown ? '..' : String(d.period.start);
  const end = d.period.end === undefined || d.period.end === unknown || d.period.end === ongoingInContent ? '..' : String(d.period.end);
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: d.title,
    description: d.summary,
    inLanguage: t.lang,
    url: new URL(routes.case(entry.id), site).href,
    license: caseLicence.url,
    dateModified: d.lastVerified.toISOString().slice(0, 10),
    publisher: { '@type': 'Organization', name: t.site.name, url: site.href },
    spatialCoverage: {
      '@type': 'Place',
      name: d.place ? `${d.place}, ${t.caseJsonLd.municipality(d.municipality)}` : t.caseJsonLd.municipality(d.municipality),
      address: { '@type': 'PostalAddress', addressRegion: regionOf(entry), addressCountry: 'DK' },
    },
    ...(start === '..' && end === '..' ? {} : { temporalCoverage: `${start}/${end}` }),
    about: principleTitles.map((name) => ({ '@type': 'Thing', name })),
    citation: d.sources.map((s) => ({
      '@type': 'CreativeWork',
      name: s.title,
      url: s.url,
      publisher: { '@type': 'Organization', name: s.publisher },
      ...(s.date === unknown ? {} : { datePublished: s.date }),
    })),
  };
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}
