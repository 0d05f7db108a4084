// The table of endpoints the fuzzer drives: one entry per method of each file in api/, with the fields it reads and a good value for each.
// A new endpoint gets one entry here; faults/fuzz.test.ts fails while an api/ export has none.
import fc from 'fast-check';
import { completeCvr } from '../../src/signing/cvr.ts';
import { honeypotField, organisationTypes, signatureFields, signingAreas } from '../../src/signing/signature-input.ts';
import { signatureStatuses } from '../../src/signing/signature-status.ts';
import { memberFields, memberKinds } from '../../src/membership/member-input.ts';
import { suggestionFields } from '../../src/suggestions/suggestion-input.ts';
import { proposalFields, proposalKinds } from '../../src/charter-proposals/proposal-input.ts';
import { municipalityNames } from '../../src/data/municipalities.ts';
import { areas } from '../../src/data/vocabulary.ts';

export type Encoding = 'json' | 'form' | 'query';

export interface FuzzEndpoint {
  /** The file in api/ and the export that answers. */
  file: string;
  method: 'GET' | 'POST';
  /** The path a visitor uses (with the trailing slash vercel.json asks for). */
  path: string;
  /** How the fuzzer sends fields: a JSON body, a form body, or the query string. */
  encodings: readonly Encoding[];
  /** Each field the endpoint reads, with a good value for it; the fuzzer mixes these with bad ones. */
  fields: Record<string, fc.Arbitrary<unknown>>;
  /** Sends the secretariat's bearer token (ADMIN_TOKEN), so the fuzzer gets past the door. */
  admin?: boolean;
  /** The endpoint is a 404 page (api/not-found.ts): every answer must be that page, with status 404. */
  notFound?: boolean;
  /** A page per id: a 404 HTML page is the right answer for an id that names nothing. */
  notFoundPage?: boolean;
}

const cvr = fc.integer({ min: 1_000_000, max: 9_999_999 }).map((n) => completeCvr(String(n)) ?? String(n));
const token = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 43, maxLength: 43 });
const uuid = fc.uuid();

const signingFields: Record<(typeof signatureFields)[number] | typeof honeypotField, fc.Arbitrary<unknown>> = {
  organisation_name: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
  organisation_type: fc.constantFrom(...organisationTypes),
  cvr,
  municipality: fc.constantFrom(...signingAreas),
  website: fc.webUrl(),
  contact_name: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
  contact_title: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  email: fc.emailAddress(),
  statement: fc.string({ unit: 'binary', maxLength: 500 }),
  consent_public: fc.constantFrom(true, false, 'on', 'true'),
  [honeypotField]: fc.constant(''),
};

const joiningFields: Record<(typeof memberFields)[number] | typeof honeypotField, fc.Arbitrary<unknown>> = {
  kind: fc.constantFrom(...memberKinds),
  name: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
  email: fc.emailAddress(),
  municipality: fc.constantFrom(...municipalityNames),
  organisation_name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  organisation_type: fc.constantFrom(...organisationTypes),
  interests: fc.subarray([...areas]),
  newsletter: fc.constantFrom(true, false, 'on'),
  consent: fc.constantFrom(true, 'on'),
  [honeypotField]: fc.constant(''),
};

const suggestingFields: Record<(typeof suggestionFields)[number] | typeof honeypotField, fc.Arbitrary<unknown>> = {
  title: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
  municipality: fc.constantFrom(...municipalityNames),
  what_happened: fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }),
  participants: fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }),
  sources: fc.webUrl(),
  name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  email: fc.emailAddress(),
  [honeypotField]: fc.constant(''),
};

const proposingFields: Record<(typeof proposalFields)[number] | typeof honeypotField | 'language', fc.Arbitrary<unknown>> = {
  principle: fc.constantFrom('ligevaerd', 'tidlig-dialog', 'ikke-et-princip'),
  kind: fc.constantFrom(...proposalKinds),
  wording: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }),
  reason: fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }),
  name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  organisation: fc.string({ unit: 'grapheme', maxLength: 60 }),
  email: fc.emailAddress(),
  consent_public: fc.constantFrom(true, false, 'on'),
  language: fc.constantFrom('da', 'en', 'xx'),
  [honeypotField]: fc.constant(''),
};

const tokenPage = (file: string, path: string): FuzzEndpoint[] => [
  { file, method: 'GET', path, encodings: ['query'], fields: { token } },
  { file, method: 'POST', path, encodings: ['json'], fields: { token } },
];

/** A confirm page's button that asks for a new link in place of an expired one. */
const newLinkPage = (file: string, path: string): FuzzEndpoint => ({ file, method: 'POST', path: `${path}?nyt_link=1`, encodings: ['json', 'form'], fields: { token } });

// The wall's filter, sort and page cursors (a cursor is base64url JSON: fuzz both real-looking and broken ones).
const cursor = fc.oneof(fc.string({ maxLength: 60 }), fc.tuple(fc.string({ maxLength: 40 }), uuid).map((pair) => Buffer.from(JSON.stringify(pair)).toString('base64url')));
const wallFields = {
  type: fc.constantFrom(...organisationTypes),
  kommune: fc.constantFrom(...signingAreas),
  q: fc.string({ maxLength: 30 }),
  sortering: fc.constantFrom('nyeste', 'navn', 'x'),
  efter: cursor,
  foer: cursor,
};

export const fuzzEndpoints: readonly FuzzEndpoint[] = [
  { file: 'api/signatures.ts', method: 'POST', path: '/api/signatures/', encodings: ['json', 'form'], fields: signingFields },
  ...tokenPage('api/signatures/confirm.ts', '/underskriv/bekraeft/'),
  newLinkPage('api/signatures/confirm.ts', '/underskriv/bekraeft/'),
  ...tokenPage('api/signatures/withdraw.ts', '/underskriv/traek-tilbage/'),
  ...tokenPage('api/signatures/affirm.ts', '/underskriv/ny-version/'),
  { file: 'api/badge.ts', method: 'GET', path: '/api/badge/', encodings: ['query'], fields: { id: uuid, size: fc.constantFrom('small', 'medium', 'large', 'x') } },
  {
    file: 'api/signatories.ts',
    method: 'GET',
    path: '/api/signatories/',
    encodings: ['query'],
    fields: { format: fc.constantFrom('csv', 'json'), ...wallFields, limit: fc.oneof(fc.integer({ min: -5, max: 2000 }).map(String), fc.string({ maxLength: 8 })) },
  },
  { file: 'api/wall.ts', method: 'GET', path: '/underskrivere/', encodings: ['query'], fields: wallFields },
  // /underskrivere/<id>/ is rewritten to this with ?id=.
  { file: 'api/signatory.ts', method: 'GET', path: '/api/signatory/', encodings: ['query'], fields: { id: fc.oneof(uuid, fc.string({ maxLength: 40 })) }, notFoundPage: true },
  { file: 'api/admin/signatures.ts', method: 'GET', path: '/api/admin/signatures/', encodings: ['query'], fields: { status: fc.constantFrom(...signatureStatuses) }, admin: true },
  {
    file: 'api/admin/signatures.ts',
    method: 'POST',
    path: '/api/admin/signatures/',
    encodings: ['json'],
    fields: { id: uuid, action: fc.constantFrom('approve', 'reject'), reason: fc.string({ maxLength: 100 }), actor: fc.string({ maxLength: 30 }) },
    admin: true,
  },
  { file: 'api/admin/charter.ts', method: 'GET', path: '/api/admin/charter/', encodings: ['query'], fields: {}, admin: true },
  {
    file: 'api/admin/charter.ts',
    method: 'POST',
    path: '/api/admin/charter/',
    encodings: ['json'],
    // Version 1 is refused as the first, any other as not in content: the fuzzer never announces anything.
    fields: { version: fc.oneof(fc.integer({ min: -3, max: 9 }), fc.string({ maxLength: 8 })), actor: fc.string({ maxLength: 30 }) },
    admin: true,
  },
  { file: 'api/members.ts', method: 'POST', path: '/api/members/', encodings: ['json', 'form'], fields: joiningFields },
  { file: 'api/members/count.ts', method: 'GET', path: '/api/members/count/', encodings: ['query'], fields: {} },
  ...tokenPage('api/members/confirm.ts', '/bliv-medlem/bekraeft/'),
  newLinkPage('api/members/confirm.ts', '/bliv-medlem/bekraeft/'),
  ...tokenPage('api/members/leave.ts', '/bliv-medlem/udmeld/'),
  { file: 'api/join.ts', method: 'GET', path: '/bliv-medlem/', encodings: ['query'], fields: {} },
  { file: 'api/home.ts', method: 'GET', path: '/', encodings: ['query'], fields: {} },
  { file: 'api/suggestions.ts', method: 'POST', path: '/api/suggestions/', encodings: ['json', 'form'], fields: suggestingFields },
  { file: 'api/charter-proposals.ts', method: 'GET', path: '/charter/ligevaerd/forslag/', encodings: ['query'], fields: { sendt: fc.constantFrom('1', '') } },
  { file: 'api/charter-proposals.ts', method: 'POST', path: '/api/charter-proposals/', encodings: ['json', 'form'], fields: proposingFields },
  { file: 'api/charter-proposals/support.ts', method: 'POST', path: '/api/charter-proposals/support/', encodings: ['json', 'form'], fields: { proposal: uuid, email: fc.emailAddress(), language: fc.constantFrom('da', 'en') } },
  ...tokenPage('api/charter-proposals/confirm.ts', '/forslag-til-chartret/bekraeft/'),
  ...tokenPage('api/charter-proposals/supported.ts', '/forslag-til-chartret/stoet/'),
  // The admin's doors that open without a session: asking for a login link, and the page behind the link.
  { file: 'api/admin/web.ts', method: 'POST', path: '/admin/login/', encodings: ['json', 'form'], fields: { email: fc.emailAddress() } },
  { file: 'api/admin/web.ts', method: 'GET', path: '/admin/login/link/', encodings: ['query'], fields: { token } },
  { file: 'api/cron.ts', method: 'GET', path: '/api/cron/', encodings: ['query'], fields: {} },
  { file: 'api/health.ts', method: 'GET', path: '/api/health/', encodings: ['query'], fields: {} },
  // An unknown address under /en/ is rewritten to the English 404 page; whatever the query, the answer is that page.
  { file: 'api/not-found.ts', method: 'GET', path: '/en/findes-ikke/', encodings: ['query'], fields: { q: fc.string({ maxLength: 30 }) }, notFound: true },
  // Resend's webhook: unsigned (the fuzzer has no secret), so every answer is 401 naming the signature header.
  {
    file: 'api/resend-webhook.ts',
    method: 'POST',
    path: '/api/resend-webhook/',
    encodings: ['json'],
    fields: {
      type: fc.constantFrom('email.bounced', 'email.complained', 'email.delivered'),
      created_at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      data: fc.record({ email_id: uuid, to: fc.array(fc.emailAddress(), { minLength: 1, maxLength: 2 }), bounce: fc.record({ type: fc.constantFrom('Permanent', 'Transient'), subType: fc.string({ maxLength: 20 }), message: fc.string({ maxLength: 60 }) }) }),
      'svix-signature': fc.string({ maxLength: 100 }),
    },
  },
];
