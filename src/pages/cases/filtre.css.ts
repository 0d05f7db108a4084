// The case filter rules: for each facet option, hide the cases that lack it while that option is chosen.
import type { APIRoute } from 'astro';
import { facetOptions, getCases } from '../../catalog/cases.ts';
import { facets, type Facet } from '../../routes.ts';

export const GET: APIRoute = async () => {
  const options = facetOptions(await getCases());
  const rules = (Object.keys(facets) as Facet[]).flatMap((facet) => {
    const key = facets[facet];
    return options[facet].map(({ value }) => {
      const chosen = facet === 'municipality' ? `#f-${key} option[value="${value}"]:checked` : `#f-${key}-${value}:checked`;
      return `.library:has(${chosen}) .case-item:not([data-${key}~="${value}"]){display:none}`;
    });
  });
  return new Response(`/* Generated at build from the case library's facets. */\n${rules.join('\n')}\n`, {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
};
