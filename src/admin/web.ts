// The secretariat's web admin under /admin/: one small route table, every page behind a session, every change behind a CSRF token.
import { clearedSessionCookieHeader, isEmailAddress, isValidCsrfToken, sessionCookieHeader } from './admin-access.ts';
import { withoutControlCharacters } from '../platform/plain-text.ts';
import { formLimits } from '../platform/rate-limits.ts';
import { signatureStatuses, type SignatureStatus } from '../signing/signature-status.ts';
import type { AdminView } from './views/admin-frame.ts';
import { renderAuditPage } from './views/audit-page.ts';
import { loginMessages, renderLoginFailure, renderLoginLinkPage, renderLoginPage, renderLoginSent, renderMessagePage } from './views/login-pages.ts';
import { membersCsv, renderMemberList } from './views/member-list.ts';
import { personalDataMessages, renderPersonalDataPage } from './views/personal-data-page.ts';
import { queueMessages, renderSignatureQueue } from './views/signature-queue.ts';
import { renderSuggestionList } from './views/suggestion-list.ts';
import { renderSuppressionList } from './views/suppression-list.ts';
import { listSuppressions } from '../platform/mail/suppressions.ts';
import { liftSuppressedAddress } from './mail-suppressions.ts';
import { routes } from '../routes.ts';
import { acceptPost } from '../platform/http/accept-post.ts';
import { htmlPage } from '../platform/http/html-page.ts';
import { readBody, sameOrigin, type FormFields } from '../platform/http/request-body.ts';
import { json, prefersJson, redirect303 } from '../platform/http/respond.ts';
import { review, reviewMessages } from '../signing/review.ts';
import { afterResponse, database, kickOutbox } from '../platform/runtime.ts';
import { listSignatures, signatureConflicts } from '../signing/signatures.ts';
import { closeSuggestion, listSuggestions, openSuggestionPullRequest, suggestionGitHubSetup, suggestionStatuses, type SuggestionRow, type SuggestionStatus } from '../suggestions/suggestions.ts';
import { adminNoticeFrom, adminNoticeSubjectId, adminNoticeText, withNotice, type AdminNotice } from './admin-notices.ts';
import {
  answerProposal,
  closeConsultationRound,
  listProposals,
  mergeProposal,
  openConsultationRound,
  openRound,
  roundTitle,
  proposalStatuses,
  publishProposal,
  rejectProposal,
  type ModerationFailure,
  type ProposalStatus,
} from '../charter-proposals/moderation.ts';
import { acceptProposal } from '../charter-proposals/proposal-pull-request.ts';
import { adoptCharterVersion, adoptionMessage, adoptionOverview, announcedVersions } from '../signing/charter-adoption.ts';
import { renderCharterProposalList, type CharterAdminState } from './views/charter-proposal-list.ts';
import { recentAudit, recordAudit } from './audit.ts';
import { adminConfigFromEnv, endSession, requestLoginLink, sessionFor, startSession, type AdminSession } from './auth.ts';
import { memberFilterFrom } from '../membership/member-filter.ts';
import { searchMembers } from './member-directory.ts';
import { erasePersonalData, findPersonalData, personalDataExport } from './personal-data.ts';
import { strings } from '../i18n/index.ts';

const t = strings();
const w = t.admin.web;

/** Admin answers are private, never cached and never indexed. */
const privateHeaders = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' };

function page(title: string, body: string, status = 200, headers: Record<string, string> = {}): Promise<Response> {
  return htmlPage({ title: t.admin.pageTitle(title), body, status, frame: 'skabelon/admin', headers: { ...privateHeaders, ...headers } });
}

/** One submitted value as text, without control characters (PostgreSQL cannot store or compare NUL). */
function field(data: FormFields | Record<string, unknown>, name: string): string {
  const value = data[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? withoutControlCharacters(first) : '';
}

/** A state-changing request from a logged-in page: same origin, a body, and the session's CSRF token. */
async function checkedForm(request: Request, session: AdminSession, key: string): Promise<FormFields | Record<string, unknown> | undefined> {
  if (!sameOrigin(request)) return undefined;
  const body = await readBody(request);
  if (!body.ok) return undefined;
  return isValidCsrfToken(field(body.data, 'csrf'), session.secret, key) ? body.data : undefined;
}

const cm = t.charterProposals.admin;

const moderationMessages: Record<ModerationFailure, string> = {
  unknown: cm.messages.unknown,
  'wrong-status': cm.messages.wrongStatus,
  'reason-required': cm.messages.reasonRequired,
  'answer-required': cm.messages.answerRequired,
  'outcome-required': cm.messages.outcomeRequired,
  'version-required': cm.messages.versionRequired,
  'merge-target': cm.messages.mergeTarget,
};

/** The proposals page: the round, the proposals of one status, and the published ones to merge into. */
async function charterPage(view: AdminView, state: Omit<CharterAdminState, 'proposals' | 'published' | 'round' | 'adoption'>): Promise<string> {
  const db = await database();
  const [proposals, published, round, adoption] = await Promise.all([listProposals(db, state.status), listProposals(db, 'published'), openRound(db), adoptionOverview(db)]);
  return renderCharterProposalList(view, { ...state, proposals, published, round, adoption });
}

const forbidden = () => page(w.forbiddenTitle, renderMessagePage(w.forbiddenHeading, loginMessages.forbidden), 403);

type Route = (request: Request, session: AdminSession, view: AdminView, key: string) => Promise<Response>;

const pages: Record<string, { GET?: Route; POST?: Route }> = {
  [routes.admin]: { GET: async () => redirect303(routes.adminSignatures, privateHeaders) },

  [routes.adminSignatures]: {
    async GET(request, _session, view) {
      const url = new URL(request.url);
      const asked = url.searchParams.get('status') ?? 'confirmed';
      const status = (signatureStatuses as readonly string[]).includes(asked) ? (asked as SignatureStatus) : 'confirmed';
      const db = await database();
      const key = adminNoticeFrom(url.searchParams);
      // The name in the notice comes from the database, and only when the signature is where the action put it.
      const expected = key === 'godkendt' ? 'published' : key === 'afvist' ? 'rejected' : undefined;
      const subjectId = adminNoticeSubjectId(url.searchParams);
      const [subject] = expected && subjectId
        ? (await db.query<{ organisation_name: string }>('SELECT organisation_name FROM signatures WHERE id::text = $1 AND status = $2', [subjectId, expected])).rows
        : [];
      const done = adminNoticeText(key, subject?.organisation_name);
      return page(queueMessages.title, renderSignatureQueue(view, { status, signatures: await listSignatures(db, status), conflicts: await signatureConflicts(db), notice: done }));
    },
    async POST(request, session, view, key) {
      const data = await checkedForm(request, session, key);
      if (!data) return forbidden();
      const db = await database();
      const id = field(data, 'id');
      const action = field(data, 'action');
      const reason = field(data, 'reason');
      if (action !== 'approve' && action !== 'reject') return forbidden();
      const outcome = await review(db, action === 'approve' ? { action, id } : { action, id, reason }, session.email);
      if (!outcome.ok) {
        const error = { id, field: outcome.reason === 'reason-required' ? ('reason' as const) : ('id' as const), message: reviewMessages[outcome.reason], reason };
        return page(t.admin.errorTitle(queueMessages.title), renderSignatureQueue(view, { status: 'confirmed', signatures: await listSignatures(db, 'confirmed'), error }), outcome.reason === 'reason-required' ? 400 : 409);
      }
      afterResponse(kickOutbox());
      return redirect303(withNotice(routes.adminSignatures, action === 'approve' ? 'godkendt' : 'afvist', id), privateHeaders);
    },
  },

  [routes.adminMembers]: {
    async GET(request, _session, view) {
      const filter = memberFilterFrom(new URL(request.url).searchParams);
      return page(t.admin.members.title, renderMemberList(view, filter, await searchMembers(await database(), filter)));
    },
  },

  [routes.adminMembersCsv]: {
    async GET(request, session) {
      const filter = memberFilterFrom(new URL(request.url).searchParams);
      const db = await database();
      const members = await searchMembers(db, filter);
      await recordAudit(db, { actor: session.email, action: 'members-export', detail: w.membersExported(members.length) });
      const stamp = new Date().toISOString().slice(0, 10);
      return new Response(membersCsv(members), {
        headers: { ...privateHeaders, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="medlemmer-${stamp}.csv"` },
      });
    },
  },

  [routes.adminGdpr]: {
    async GET(_request, _session, view) {
      return page(personalDataMessages.title, renderPersonalDataPage(view));
    },
    async POST(request, session, view, key) {
      const data = await checkedForm(request, session, key);
      if (!data) return forbidden();
      const db = await database();
      const email = field(data, 'email').trim();
      const action = field(data, 'action');
      if (!email || !isEmailAddress(email)) {
        const message = email ? personalDataMessages.emailInvalid : personalDataMessages.emailMissing;
        return page(t.admin.errorTitle(personalDataMessages.title), renderPersonalDataPage(view, { email, errors: [{ field: 'email', message }] }), 400);
      }
      if (action === 'export') {
        const found = await findPersonalData(db, email);
        await recordAudit(db, { actor: session.email, action: 'personal-data-export' });
        return new Response(personalDataExport(found, new Date()), {
          headers: { ...privateHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': 'attachment; filename="persondata.json"' },
        });
      }
      if (action === 'erase') {
        if (field(data, 'confirm') !== 'ja') {
          const found = await findPersonalData(db, email);
          return page(t.admin.errorTitle(personalDataMessages.title), renderPersonalDataPage(view, { found, errors: [{ field: 'confirm', message: personalDataMessages.eraseConfirmMissing }] }), 400);
        }
        const erased = await erasePersonalData(db, email, session.email);
        return page(personalDataMessages.title, renderPersonalDataPage(view, { erased }));
      }
      const found = await findPersonalData(db, email);
      await recordAudit(db, { actor: session.email, action: 'personal-data-lookup' });
      return page(personalDataMessages.title, renderPersonalDataPage(view, { found }));
    },
  },

  [routes.adminSuggestions]: {
    async GET(request, _session, view) {
      const url = new URL(request.url);
      const asked = url.searchParams.get('status') ?? 'pending';
      const status = (suggestionStatuses as readonly string[]).includes(asked) ? (asked as SuggestionStatus) : 'pending';
      const suggestions = await listSuggestions(await database(), status);
      const key = adminNoticeFrom(url.searchParams);
      // The notice names the pull request or the suggestion as the database has it, never as the address says.
      const about = suggestions.find((s) => s.id === adminNoticeSubjectId(url.searchParams));
      const done = adminNoticeText(key, key === 'pull-request' ? (about?.pr_url ?? undefined) : about?.title);
      return page(t.admin.suggestions.title, renderSuggestionList(view, { status, suggestions, github: suggestionGitHubSetup(), notice: done }));
    },
    async POST(request, session, view, key) {
      const data = await checkedForm(request, session, key);
      if (!data) return forbidden();
      const db = await database();
      const id = field(data, 'id');
      const action = field(data, 'action') || 'pull-request';
      const failed = async (error: { message: string; field?: 'reason'; reason?: string }, status: number) => {
        const suggestions: SuggestionRow[] = await listSuggestions(db, 'pending');
        return page(t.admin.errorTitle(t.admin.suggestions.title), renderSuggestionList(view, { status: 'pending', suggestions, github: suggestionGitHubSetup(), error: { id, ...error } }), status);
      };
      if (action === 'reject' || action === 'archive') {
        const reason = field(data, 'reason');
        const closed = await closeSuggestion(db, id, action, reason, session.email);
        if (!closed.ok) return failed({ message: closed.message, field: closed.reason === 'reason-required' ? 'reason' : undefined, reason }, closed.reason === 'unknown' ? 404 : closed.reason === 'reason-required' ? 400 : 409);
        if (action === 'reject') afterResponse(kickOutbox());
        const status = action === 'reject' ? 'rejected' : 'archived';
        return redirect303(withNotice(`${routes.adminSuggestions}?status=${status}`, action === 'reject' ? 'forslag-afvist' : 'forslag-arkiveret', id), privateHeaders);
      }
      if (action !== 'pull-request') return forbidden();
      const outcome = await openSuggestionPullRequest(db, id, session.email);
      if (!outcome.ok) return failed({ message: outcome.message }, outcome.reason === 'unknown' ? 404 : outcome.reason === 'github-failed' ? 502 : 409);
      await recordAudit(db, { actor: session.email, action: 'suggestion-pull-request', subject: id, detail: outcome.url });
      return redirect303(withNotice(`${routes.adminSuggestions}?status=pull-request-opened`, 'pull-request', id), privateHeaders);
    },
  },

  [routes.adminCharter]: {
    async GET(request, _session, view) {
      const url = new URL(request.url);
      const asked = url.searchParams.get('status') ?? 'confirmed';
      const status = (proposalStatuses as readonly string[]).includes(asked) ? (asked as ProposalStatus) : 'confirmed';
      const key = adminNoticeFrom(url.searchParams);
      // After an adoption the notice names the newest version the database says was announced, never one from the address.
      const announced = key === 'version-vedtaget' ? [...(await announcedVersions(await database())).keys()].at(-1) : undefined;
      // A round's notice names it by the title the database holds for the id in the address, never text from the address.
      const roundId = key === 'hoering-aabnet' || key === 'hoering-lukket' ? adminNoticeSubjectId(url.searchParams) : undefined;
      const round = roundId ? await roundTitle(await database(), roundId) : undefined;
      const done = adminNoticeText(key, announced === undefined ? round : String(announced));
      return page(cm.title, await charterPage(view, { status, notice: done }));
    },
    async POST(request, session, view, key) {
      const data = await checkedForm(request, session, key);
      if (!data) return forbidden();
      const db = await database();
      const id = field(data, 'id');
      const action = field(data, 'action');
      // The notice travels as a key from the fixed set (admin-notices.ts), never as text in the address.
      const done = (notice: AdminNotice, status: ProposalStatus, subjectId?: string) => {
        afterResponse(kickOutbox());
        return redirect303(withNotice(`${routes.adminCharter}?status=${status}`, notice, subjectId), privateHeaders);
      };
      const failed = async (status: ProposalStatus, error: { field: string; message: string }, code: number, values?: Record<string, string>) =>
        page(t.admin.errorTitle(cm.title), await charterPage(view, { status, error, values }), code);
      const moderated = async (outcome: { ok: true } | { ok: false; reason: ModerationFailure }, notice: AdminNotice, after: ProposalStatus, from: ProposalStatus) => {
        if (outcome.ok) return done(notice, after);
        const fieldOf: Partial<Record<ModerationFailure, string>> = { 'reason-required': 'reason', 'answer-required': 'answer', 'outcome-required': 'outcome', 'version-required': 'version', 'merge-target': 'into' };
        const at = fieldOf[outcome.reason];
        return failed(from, { field: at ? `${at}-${id}` : `forslag-${id}`, message: moderationMessages[outcome.reason] }, outcome.reason === 'unknown' ? 404 : outcome.reason === 'wrong-status' ? 409 : 400);
      };
      switch (action) {
        case 'publish':
          return moderated(await publishProposal(db, id, session.email), 'forslag-offentliggjort', 'published', 'confirmed');
        case 'reject':
          return moderated(await rejectProposal(db, id, field(data, 'reason'), session.email), 'chartforslag-afvist', 'rejected', 'confirmed');
        case 'merge':
          return moderated(await mergeProposal(db, id, field(data, 'into'), session.email), 'forslag-samlet', 'published', 'published');
        case 'answer':
          return moderated(await answerProposal(db, id, { text: field(data, 'answer'), outcome: field(data, 'outcome'), version: field(data, 'version') }, session.email), 'forslag-besvaret', 'published', 'published');
        case 'accept': {
          const outcome = await acceptProposal(db, id, session.email);
          if (!outcome.ok) return failed('published', { field: `forslag-${id}`, message: outcome.message }, outcome.reason === 'unknown' ? 404 : outcome.reason === 'github-failed' ? 502 : 409);
          return done('forslag-pull-request', 'published');
        }
        case 'open-round': {
          const values = { title: field(data, 'title'), opens_on: field(data, 'opens_on'), closes_on: field(data, 'closes_on') };
          const outcome = await openConsultationRound(db, { title: values.title, opensOn: values.opens_on, closesOn: values.closes_on }, session.email);
          if (outcome.ok) return done('hoering-aabnet', 'confirmed', outcome.round.id);
          const error = outcome.reason === 'title' ? { field: 'round-title', message: cm.messages.roundTitle } : outcome.reason === 'dates' ? { field: 'round-opens', message: cm.messages.roundDates } : { field: 'hoeringer', message: cm.messages.roundOpenAlready };
          return failed('confirmed', error, outcome.reason === 'open-already' ? 409 : 400, values);
        }
        case 'adopt-version': {
          const version = field(data, 'version');
          const outcome = await adoptCharterVersion(db, /^\d{1,6}$/.test(version) ? Number(version) : 0, session.email);
          if (!outcome.ok) return failed('confirmed', { field: 'versioner', message: adoptionMessage(outcome) }, outcome.reason === 'unknown-version' ? 404 : 409);
          afterResponse(kickOutbox());
          return redirect303(withNotice(routes.adminCharter, outcome.announcedBefore ? 'version-sendt-igen' : 'version-vedtaget'), privateHeaders);
        }
        case 'close-round': {
          const outcome = await closeConsultationRound(db, session.email);
          if (outcome.ok) return done('hoering-lukket', 'confirmed', outcome.round.id);
          return failed('confirmed', { field: 'hoeringer', message: cm.messages.noOpenRound }, 409);
        }
        default:
          return forbidden();
      }
    },
  },

  [routes.adminSuppressions]: {
    async GET(request, _session, view) {
      const done = adminNoticeText(adminNoticeFrom(new URL(request.url).searchParams));
      return page(t.admin.suppressions.title, renderSuppressionList(view, { suppressions: await listSuppressions(await database()), notice: done }));
    },
    async POST(request, session, view, key) {
      const data = await checkedForm(request, session, key);
      if (!data) return forbidden();
      const db = await database();
      const address = field(data, 'address').trim().toLowerCase();
      const lifted = address ? await liftSuppressedAddress(db, address, session.email) : undefined;
      if (!lifted) {
        const error = { address, message: t.admin.suppressions.unknown };
        return page(t.admin.errorTitle(t.admin.suppressions.title), renderSuppressionList(view, { suppressions: await listSuppressions(db), error }), 404);
      }
      return redirect303(withNotice(routes.adminSuppressions, 'ophaevet'), privateHeaders);
    },
  },

  [routes.adminAudit]: {
    async GET(_request, _session, view) {
      return page(t.admin.nav.audit, renderAuditPage(view, await recentAudit(await database())));
    },
  },

  [routes.adminLogout]: {
    async POST(request, session, _view, key) {
      if (!(await checkedForm(request, session, key))) return forbidden();
      await endSession(await database(), session);
      return redirect303(`${routes.adminLogin}?ud=1`, { ...privateHeaders, 'Set-Cookie': clearedSessionCookieHeader() });
    },
  },
};

/** A login link that does not work: a page for a browser, the error at its field for a script (as on every token page). */
function loginFailure(request: Request, reason: keyof typeof loginMessages.failed, status: number): Response | Promise<Response> {
  if (prefersJson(request)) return json({ errors: [{ field: 'token', message: loginMessages.failed[reason] }] }, status);
  return page(loginMessages.linkTitle, renderLoginFailure(reason), status);
}

/** The pages reachable without a session: asking for a link, and using it. */
async function loginRoutes(request: Request, path: string, key: string): Promise<Response | undefined> {
  const config = adminConfigFromEnv();
  if (path === routes.adminLogin && request.method === 'GET') {
    const loggedOut = new URL(request.url).searchParams.has('ud');
    return page(loginMessages.title, renderLoginPage(loggedOut ? { notice: loginMessages.loggedOut } : {}));
  }
  if (path === routes.adminLogin && request.method === 'POST') {
    const post = await acceptPost(request, { limits: formLimits.adminLogin });
    if (!post.ok) return post.response;
    const email = field(post.data, 'email').trim();
    const valid = Boolean(email) && isEmailAddress(email);
    // Counted after the check: a mistyped address counts toward the limit for rejected posts, not the login limit.
    const tooMany = await post.count(valid);
    if (tooMany) {
      if (post.wantsJson) return tooMany.response();
      return page(tooMany.alert().title, renderLoginPage({ email, alert: tooMany.alert() }), 429, tooMany.headers);
    }
    if (!valid) {
      return page(t.admin.errorTitle(loginMessages.title), renderLoginPage({ email, error: email ? loginMessages.emailInvalid : loginMessages.emailMissing }), 400);
    }
    // The same answer at the same time whether or not the address is on the list: the link is made (one and the same
    // statement either way) and mailed after the answer, so the inserts for a known address cost the answer nothing.
    afterResponse(
      requestLoginLink(post.db, email, config)
        .then(() => kickOutbox())
        .catch((error) => console.error('admin login: the link could not be made', error)),
    );
    return page(loginMessages.sentTitle, renderLoginSent());
  }
  if (path === routes.adminLoginLink && request.method === 'GET') {
    const token = new URL(request.url).searchParams.get('token') ?? '';
    if (token) return page(loginMessages.linkTitle, renderLoginLinkPage(token));
    return loginFailure(request, 'unknown', 400);
  }
  if (path === routes.adminLoginLink && request.method === 'POST') {
    if (!sameOrigin(request)) return forbidden();
    const body = await readBody(request);
    if (!body.ok) return body.response;
    const started = await startSession(await database(), field(body.data, 'token'), { ...config, sessionKey: key });
    if (!started.ok) return loginFailure(request, started.reason, started.reason === 'unknown' ? 404 : 410);
    return redirect303(routes.adminSignatures, { ...privateHeaders, 'Set-Cookie': sessionCookieHeader(started.cookie, started.expiresAt) });
  }
  return undefined;
}

export async function handleAdmin(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname === '/admin' ? routes.admin : url.pathname;
  const config = adminConfigFromEnv();
  const key = config.sessionKey;
  if (!key) return page(w.closedTitle, renderMessagePage(w.closedHeading, loginMessages.closed), 503);

  const open = await loginRoutes(request, path, key);
  if (open) return open;

  const route = pages[path];
  const handler = route?.[request.method as 'GET' | 'POST'];
  const session = await sessionFor(await database(), request, config);
  if (!session) {
    // Not logged in: a page visit goes to the login form; a form post is refused.
    return request.method === 'GET' || request.method === 'HEAD' ? redirect303(routes.adminLogin, privateHeaders) : forbidden();
  }
  if (!route) return page(w.notFound, renderMessagePage(w.notFound, w.notFoundText), 404);
  if (!handler) return page(w.methodNotAllowed, renderMessagePage(w.methodNotAllowed, w.methodNotAllowedText), 405, { Allow: Object.keys(route).join(', ') });
  return handler(request, session, { email: session.email, csrfToken: session.csrfToken, current: path }, key);
}
