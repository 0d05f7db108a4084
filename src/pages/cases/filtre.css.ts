// The case filter rules: for each facet option, hide the cases that lack it while that option is chosen.
import type { APIRoute } from 'astro';
import { facetOptions, facetValues, getCases, getPrinciples } from '../../catalog/cases.ts';
import { facets, type Facet } from '../../routes.ts';

export const GET: APIRoute = async () => {
  const cases = await getCases();
  const options = facetOptions(cases, await getPrinciples());
  const rules = (Object.keys(facets) as Facet[]).flatMap((facet) => {
    const key = facets[facet];
    return options[facet].map(({ value }) => {
      const chosen = facet === 'municipality' ? `#f-${key} option[value="${value}"]:checked` : `#f-${key}-${value}:checked`;
      return `.library:has(${chosen}) .case-item:not([data-${key}~="${value}"]){display:none}`;
    });
  });
  // The zero-results hint shows unless some case on the page passes every chosen filter: one rule per case, each
  // facet satisfied by "Alle" or by one of the case's values. (A facet page's own facet has a checked "Alle" stand-in.)
  const hints = cases.map((entry) => {
    const values = facetValues(entry);
    const conditions = (Object.keys(facets) as Facet[]).map((facet) => {
      const key = facets[facet];
      const known = values[facet].filter((v) => options[facet].some((o) => o.value === v));
      const chosen = facet === 'municipality'
        ? [`#f-${key}-alle:checked`, `#f-${key} option[value=""]:checked`, ...known.map((v) => `#f-${key} option[value="${v}"]:checked`)]
        : [`#f-${key}-alle:checked`, ...known.map((v) => `#f-${key}-${v}:checked`)];
      return `:has(${chosen.join(',')})`;
    });
    return `.library:has([data-case="${entry.id}"])${conditions.join('')} .no-results{display:none}`;
  });
  return new Response(`/* Generated at build from the case library's facets. */\n${[...rules, ...hints].join('\n')}\n`, {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
};
