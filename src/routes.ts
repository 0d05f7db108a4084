// The one route table: every internal URL on the site is built here.

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
  signatories: '/underskrivere/',
  /** The wall's filter and its list, which the filter's answer scrolls to. */
  signatoriesList: '/underskrivere/#liste',
  /** The wall with a query (filter, sort, page), scrolled to its list. */
  signatoriesWith: (query: string) => `/underskrivere/${query ? `?${query}` : ''}#liste`,
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
  signatoriesJson: '/api/signatories',
  signatoriesCsv: '/api/signatories?format=csv',
  badge: (signatureId: string) => `/api/badge?id=${encodeURIComponent(signatureId)}`,
  robots: '/robots.txt',
  webManifest: '/site.webmanifest',
} as const;
