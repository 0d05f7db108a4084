// The one route table: every internal URL on the site is built here, for the Danish site and the English edition under /en/.

/** Turns a Danish name into a URL segment: "Hjørring" → "hjoerring". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The case facets, each with its Danish URL segment. */
export const facets = {
  municipality: 'kommune',
  area: 'omraade',
  kind: 'type',
  form: 'form',
  initiator: 'initiativ',
  status: 'status',
  scope: 'raekkevidde',
  participation: 'deltagelse',
  principle: 'princip',
} as const;

export type Facet = keyof typeof facets;

export const routes = {
  home: '/',
  manifest: '/manifest/',
  charter: '/charter/',
  principle: (slug: string) => `/charter/${slug}/`,
  /** The published proposals for a principle, the consultation round and the proposal form (a function). */
  principleProposals: (slug: string) => `/charter/${slug}/forslag/`,
  proposalConfirm: '/forslag-til-chartret/bekraeft/',
  proposalSupport: '/forslag-til-chartret/stoet/',
  /** Every adopted version of the charter and what changed, with its feed. */
  charterChanges: '/charter/aendringer/',
  charterChangesFeed: '/charter/aendringer/rss.xml',
  about: '/hvad-er-samskabelse/',
  cases: '/cases/',
  case: (slug: string) => `/cases/${slug}/`,
  casesBy: (facet: Facet, value: string) => `/cases/${facets[facet]}/${value}/`,
  map: '/kort/',
  search: '/soeg/',
  sign: '/underskriv/',
  signThanks: '/underskriv/tak/',
  signConfirm: '/underskriv/bekraeft/',
  signWithdraw: '/underskriv/traek-tilbage/',
  /** The link in the mail about a new charter version: the signatory stands behind it. */
  charterAffirm: '/underskriv/ny-version/',
  signatories: '/underskrivere/',
  /** The wall's filter and its list, which the filter's answer scrolls to. */
  signatoriesList: '/underskrivere/#liste',
  /** The wall with a query (filter, sort, page), scrolled to its list. */
  signatoriesWith: (query: string) => `/underskrivere/${query ? `?${query}` : ''}#liste`,
  /** A published signatory's own page: who, when, and the badge in each size with its embed code. */
  signatory: (signatureId: string) => `/underskrivere/${encodeURIComponent(signatureId)}/`,
  suggest: '/foreslaa-en-case/',
  suggestThanks: '/foreslaa-en-case/tak/',
  join: '/bliv-medlem/',
  joinThanks: '/bliv-medlem/tak/',
  joinConfirm: '/bliv-medlem/bekraeft/',
  leave: '/bliv-medlem/udmeld/',
  privacy: '/privatlivspolitik/',
  admin: '/admin/',
  adminLogin: '/admin/login/',
  adminLoginLink: '/admin/login/link/',
  adminLogout: '/admin/logout/',
  adminSignatures: '/admin/underskrifter/',
  adminMembers: '/admin/medlemmer/',
  adminMembersCsv: '/admin/medlemmer.csv',
  adminGdpr: '/admin/persondata/',
  adminAudit: '/admin/log/',
  adminSuggestions: '/admin/forslag/',
  adminSuppressions: '/admin/spaerrede-adresser/',
  adminCharter: '/admin/chartret/',
  accessibility: '/tilgaengelighed/',
  aboutSite: '/om/',
  rss: '/rss.xml',
  casesJson: '/cases.json',
  casesCsv: '/cases.csv',
  sitemap: '/sitemap-index.xml',
  // The functions that forms post to, and the data a signatory or a script fetches.
  signaturesApi: '/api/signatures',
  membersApi: '/api/members',
  suggestionsApi: '/api/suggestions',
  proposalsApi: '/api/charter-proposals',
  supportApi: '/api/charter-proposals/support',
  signatoriesJson: '/api/signatories',
  /** The secretariat's API for announcing an adopted charter version (npm run secretariat -- adopt-charter). */
  adminCharterApi: '/api/admin/charter',
  signatoriesCsv: '/api/signatories?format=csv',
  /** The badge image; without a size it is the medium one. */
  badge: (signatureId: string, size?: string) => `/api/badge?id=${encodeURIComponent(signatureId)}${size ? `&size=${encodeURIComponent(size)}` : ''}`,
  robots: '/robots.txt',
  webManifest: '/site.webmanifest',
} as const;

/** The shape of a route table: every address a string, every address builder a function giving one. */
export type Routes = { [K in keyof typeof routes]: (typeof routes)[K] extends (...args: infer A) => string ? (...args: A) => string : string };
export type RouteLanguage = 'da' | 'en';

/** The English edition: the same shape as the Danish table, under /en/, with English slugs where they read naturally. */
const english: Routes = {
  ...routes,
  home: '/en/',
  manifest: '/en/manifesto/',
  charter: '/en/charter/',
  principle: (slug: string) => `/en/charter/${slug}/`,
  principleProposals: (slug: string) => `/en/charter/${slug}/proposals/`,
  proposalConfirm: '/en/charter-proposals/confirm/',
  proposalSupport: '/en/charter-proposals/support/',
  charterChanges: '/en/charter/changes/',
  charterChangesFeed: '/en/charter/changes/rss.xml',
  about: '/en/what-is-co-creation/',
  cases: '/en/cases/',
  case: (slug: string) => `/en/cases/${slug}/`,
  casesBy: (facet: Facet, value: string) => `/en/cases/${facets[facet]}/${value}/`,
  map: '/en/map/',
  search: '/en/search/',
  sign: '/en/sign/',
  signThanks: '/en/sign/thanks/',
  signConfirm: '/en/sign/confirm/',
  signWithdraw: '/en/sign/withdraw/',
  signatories: '/en/signatories/',
  signatoriesList: '/en/signatories/#liste',
  signatoriesWith: (query: string) => `/en/signatories/${query ? `?${query}` : ''}#liste`,
  charterAffirm: '/en/sign/new-version/',
  suggest: '/en/suggest-a-case/',
  suggestThanks: '/en/suggest-a-case/thanks/',
  join: '/en/join/',
  joinThanks: '/en/join/thanks/',
  joinConfirm: '/en/join/confirm/',
  leave: '/en/join/leave/',
  privacy: '/en/privacy/',
  accessibility: '/en/accessibility/',
  aboutSite: '/en/about/',
  rss: '/en/rss.xml',
};

const tables: Record<RouteLanguage, Routes> = { da: routes, en: english };

/** The route table for a language. */
export function routesFor(lang: RouteLanguage): Routes {
  return tables[lang];
}

/** The editorial pages (content/pages/<file>.mdx) that have a name in the route table; any other is at /<file>/. */
export const namedPages = {
  manifest: 'manifest',
  'hvad-er-samskabelse': 'about',
  om: 'aboutSite',
  privatlivspolitik: 'privacy',
  tilgaengelighed: 'accessibility',
} as const satisfies Record<string, keyof Routes>;

/** Where an editorial page lives: its named route, or /<file name>/ (/en/<file name>/ in English). */
export function pagePath(slug: string, lang: RouteLanguage = 'da'): string {
  const named = (namedPages as Record<string, keyof Routes>)[slug];
  if (named) return routesFor(lang)[named] as string;
  return lang === 'en' ? `/en/${slug}/` : `/${slug}/`;
}

/** Routes that exist in both languages as fixed pages: the same key in both tables. */
const pairedKeys = ['home', 'manifest', 'charter', 'charterChanges', 'charterAffirm', 'about', 'cases', 'map', 'search', 'sign', 'signThanks', 'signConfirm', 'signWithdraw', 'signatories', 'suggest', 'suggestThanks', 'join', 'joinThanks', 'joinConfirm', 'leave', 'privacy', 'accessibility', 'aboutSite', 'proposalConfirm', 'proposalSupport'] as const;

/** Whether a path is one of the fixed pages that exist in both languages (not a case, principle or editorial page). */
export function isFixedPage(path: string): boolean {
  const from: RouteLanguage = path === '/en/' || path.startsWith('/en/') ? 'en' : 'da';
  return pairedKeys.some((key) => tables[from][key] === path);
}

/**
 * The same page in the other language, for a fixed page or a case, principle or editorial page (which share their
 * file name across languages). Undefined for pages that exist in one language only (the admin, the frames).
 */
export function counterpartPath(path: string): { lang: RouteLanguage; path: string } | undefined {
  const from: RouteLanguage = path === '/en/' || path.startsWith('/en/') ? 'en' : 'da';
  const to: RouteLanguage = from === 'en' ? 'da' : 'en';
  for (const key of pairedKeys) if (tables[from][key] === path) return { lang: to, path: tables[to][key] as string };
  const rest = from === 'en' ? path.slice(3) : path;
  const proposals = rest.match(/^\/charter\/([^/]+)\/(?:forslag|proposals)\/$/);
  if (proposals) return { lang: to, path: tables[to].principleProposals(proposals[1]!) };
  const content = rest.match(/^\/(cases|charter)\/([^/]+)\/$/);
  if (content) return { lang: to, path: content[1] === 'cases' ? tables[to].case(content[2]!) : tables[to].principle(content[2]!) };
  const facet = rest.match(/^\/cases\/([^/]+)\/([^/]+)\/$/);
  if (facet) return { lang: to, path: `${tables[to].cases}${facet[1]}/${facet[2]}/` };
  const page = rest.match(/^\/([^/.]+)\/$/);
  if (page && !['admin', 'skabelon', 'underskrivere', 'en'].includes(page[1]!)) return { lang: to, path: pagePath(page[1]!, to) };
  return undefined;
}
