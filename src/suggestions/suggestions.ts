// The suggest-a-case use cases: store a suggestion with its receipt mail (one transaction), list suggestions for the
// secretariat, and turn one into a pull request on GitHub with a draft case file (pending → pull-request-opened).
import { candidatePaths, draftFromSuggestion } from '../case-files/suggestion-draft.ts';
import type { SuggestionInput } from './suggestion-input.ts';
import type { Db } from '../platform/db/client.ts';
import { recordAuditRow } from '../platform/audit-log.ts';
import { withoutControlCharacters } from '../platform/plain-text.ts';
import { githubSettingsFromEnv, githubSetup, openFilePullRequest, type GitHubSettings, type GitHubSetup } from '../platform/github/pull-request.ts';
import { enqueueMail } from '../platform/mail/outbox.ts';
import { mailSettings } from '../platform/mail/settings.ts';
import { renderSuggestionMail } from './suggestion-mails.ts';
import { retentionPolicy, type Pruner } from '../platform/retention.ts';
import { languageOf, strings, type Language } from '../i18n/index.ts';

export const suggestionStatuses = ['pending', 'pull-request-opened', 'rejected', 'archived'] as const;
export type SuggestionStatus = (typeof suggestionStatuses)[number];

export interface SuggestionRow {
  id: string;
  /** The language the suggestion came in ('da' or 'en'), for the receipt. */
  language: string;
  title: string;
  municipality: string;
  what_happened: string;
  participants: string;
  sources: string;
  suggester_name: string;
  suggester_email: string;
  status: SuggestionStatus;
  pr_url: string | null;
  pr_opened_at: Date | null;
  pr_opened_by: string | null;
  pr_attempts: number;
  pr_last_error: string | null;
  created_at: Date;
  /** When, by whom and why the secretariat rejected or archived it. */
  closed_at: Date | null;
  closed_by: string | null;
  close_reason: string | null;
}

export interface SuggestionContext {
  now?: Date;
  site?: string;
  /** GitHub access; defaults to GITHUB_TOKEN and GITHUB_REPOSITORY. `null` means: not configured. */
  github?: GitHubSettings | null;
}

/** What the secretariat is told when a pull request could not be opened. */
export const suggestionOutcomeMessages = strings().admin.suggestions.outcomes;

export type PullRequestOutcome =
  | { ok: true; url: string }
  | { ok: false; reason: 'unknown' | 'already-opened' | 'closed' | 'not-configured' | 'github-failed'; message: string; url?: string };

// Columns written from the form, in one place for the insert.
const inputColumns = ['title', 'municipality', 'what_happened', 'participants', 'sources'] as const satisfies readonly (keyof SuggestionInput)[];

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stores the suggestion and queues the receipt mail, or does nothing when the same person already suggested the
 * same title (a double click): the answer to the visitor is the same either way.
 */
export async function submitSuggestion(db: Db, input: SuggestionInput, ctx: SuggestionContext & { language?: Language } = {}): Promise<{ created: boolean; suggestionId?: string }> {
  const now = ctx.now ?? new Date();
  const site = ctx.site ?? mailSettings().siteUrl;
  return db.transaction(async (tx) => {
    const values = [...inputColumns.map((column) => input[column]), input.name, input.email, now, ctx.language ?? 'da'];
    const { rows } = await tx.query<SuggestionRow>(
      `INSERT INTO case_suggestions (${inputColumns.join(', ')}, suggester_name, suggester_email, created_at, language)
       VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING *`,
      values,
    );
    const suggestion = rows[0];
    if (!suggestion) return { created: false };
    const content = renderSuggestionMail('case-suggestion-received', { site, name: suggestion.suggester_name, title: suggestion.title }, strings(languageOf(suggestion.language)));
    await enqueueMail(tx, { name: 'case-suggestion-received', to: suggestion.suggester_email, content, idempotencyKey: `case-suggestion-received:${suggestion.id}` }, now);
    return { created: true, suggestionId: suggestion.id };
  });
}

/** Every suggestion for the secretariat, newest first, optionally of one status. */
export async function listSuggestions(db: Db, status?: SuggestionStatus): Promise<SuggestionRow[]> {
  const { rows } = status
    ? await db.query<SuggestionRow>('SELECT * FROM case_suggestions WHERE status = $1 ORDER BY created_at DESC, id', [status])
    : await db.query<SuggestionRow>('SELECT * FROM case_suggestions ORDER BY created_at DESC, id');
  return rows;
}

/** Inline code in a pull request: shows a stranger's text as text (no links, images or @mentions). */
const code = (text: string) => `\`${text.replaceAll('`', "'").replace(/\s+/g, ' ')}\``;

// @not-ui-text: the pull request is for the editor who finishes the case, in the content's language, like the case file.
function pullRequestFor(suggestion: SuggestionRow) {
  const draft = draftFromSuggestion(suggestion);
  return {
    branch: `forslag/${draft.slug}-${suggestion.id.slice(0, 8)}`,
    paths: candidatePaths(draft.slug),
    content: draft.content,
    commitMessage: `Tilføj udkast til casen "${suggestion.title.replaceAll('"', "'")}" fra forslagsformularen`,
    title: `Ny case fra forslag: ${suggestion.title}`.slice(0, 120),
    body: [
      'Et forslag til en ny case fra formularen på sitet, lavet om til et udkast.',
      '',
      `- Titel: ${code(suggestion.title)}`,
      `- Kommune: ${code(suggestion.municipality)}`,
      `- Foreslået: ${suggestion.created_at.toISOString().slice(0, 10)}`,
      '',
      'Filen er et udkast (`draft: true`), så casen vises ikke på sitet, heller ikke hvis pull requesten bliver flettet. Felter mærket TJEK er udfyldt automatisk.',
      '',
      'Til redaktøren:',
      '- [ ] Læs kilderne, og giv dem rigtige titler',
      '- [ ] Vælg områder, type, form, initiativtagere, aktører og principper',
      '- [ ] Skriv resten af teksten, og tjek den mod reglerne i CONTRIBUTING.md',
      '- [ ] Ret `draft: true` til `draft: false`, når casen er klar',
      '',
      `Forslagsstillerens navn og e-mail står i sekretariatets admin under forslag ${code(suggestion.id)}, ikke her, fordi pull requests er offentlige.`,
    ].join('\n'),
  };
}

/**
 * Opens the pull request for a pending suggestion and records it. A failure is recorded with its reason and the
 * suggestion stays pending, so it can be tried again (the GitHub steps are safe to repeat).
 */
export async function openSuggestionPullRequest(db: Db, id: string, actor: string, ctx: SuggestionContext = {}): Promise<PullRequestOutcome> {
  const github = ctx.github === undefined ? githubSettingsFromEnv() : ctx.github;
  if (!uuidShape.test(id)) return { ok: false, reason: 'unknown', message: suggestionOutcomeMessages.unknown };
  const { rows } = await db.query<SuggestionRow>('SELECT * FROM case_suggestions WHERE id = $1', [id]);
  const suggestion = rows[0];
  if (!suggestion) return { ok: false, reason: 'unknown', message: suggestionOutcomeMessages.unknown };
  if (suggestion.status === 'pull-request-opened') return { ok: false, reason: 'already-opened', message: suggestionOutcomeMessages.alreadyOpened, url: suggestion.pr_url ?? undefined };
  if (suggestion.status !== 'pending') return { ok: false, reason: 'closed', message: strings().linkpages.suggestionReview.notPending };
  if (!github) return { ok: false, reason: 'not-configured', message: suggestionOutcomeMessages.notConfigured };

  let url: string;
  try {
    url = (await openFilePullRequest(github, pullRequestFor(suggestion))).url;
  } catch (error) {
    const detail = error instanceof Error ? `${(error as { status?: number }).status ?? ''} ${error.message}`.trim() : String(error);
    console.error(`[forslag] pull request for ${id} failed:`, detail);
    await db.query('UPDATE case_suggestions SET pr_attempts = pr_attempts + 1, pr_last_error = $2 WHERE id = $1 AND status = $3', [id, detail.slice(0, 1000), 'pending']);
    return { ok: false, reason: 'github-failed', message: suggestionOutcomeMessages.githubFailed(detail.slice(0, 200)) };
  }
  await db.query(
    `UPDATE case_suggestions SET status = 'pull-request-opened', pr_url = $2, pr_opened_at = $3, pr_opened_by = $4, pr_last_error = NULL
     WHERE id = $1 AND status = 'pending'`,
    [id, url, ctx.now ?? new Date(), actor],
  );
  return { ok: true, url };
}

export type { GitHubSetup };

/** Whether pull requests can be opened from the admin, and which settings are missing if not: for the page, up front. */
export function suggestionGitHubSetup(env: NodeJS.ProcessEnv = process.env): GitHubSetup {
  return githubSetup(env);
}

export type SuggestionClosing = 'reject' | 'archive';
export const closeReasonMaxLength = 2000;

export type CloseOutcome =
  | { ok: true; title: string }
  | { ok: false; reason: 'unknown' | 'not-pending' | 'reason-required'; message: string };

/**
 * Closes a pending suggestion without a pull request, with the secretariat's reason, in one transaction with its audit
 * row: rejected (the suggester gets a short mail with the reason, in the language they wrote in) or archived (no mail).
 */
export async function closeSuggestion(db: Db, id: string, how: SuggestionClosing, reason: string, actor: string, ctx: SuggestionContext = {}): Promise<CloseOutcome> {
  const now = ctx.now ?? new Date();
  const site = ctx.site ?? mailSettings().siteUrl;
  const m = strings().linkpages.suggestionReview;
  const cleanReason = withoutControlCharacters(reason).trim().slice(0, closeReasonMaxLength);
  if (!uuidShape.test(id)) return { ok: false, reason: 'unknown', message: suggestionOutcomeMessages.unknown };
  if (!cleanReason) return { ok: false, reason: 'reason-required', message: m.reasonMissing };
  return db.transaction(async (tx): Promise<CloseOutcome> => {
    const { rows } = await tx.query<SuggestionRow>('SELECT * FROM case_suggestions WHERE id = $1 FOR UPDATE', [id]);
    const suggestion = rows[0];
    if (!suggestion) return { ok: false, reason: 'unknown', message: suggestionOutcomeMessages.unknown };
    if (suggestion.status !== 'pending') return { ok: false, reason: 'not-pending', message: m.notPending };
    const status = how === 'reject' ? 'rejected' : 'archived';
    await tx.query(`UPDATE case_suggestions SET status = $2, closed_at = $3, closed_by = $4, close_reason = $5 WHERE id = $1`, [id, status, now, actor, cleanReason]);
    await recordAuditRow(tx, { actor, action: `suggestion-${how}`, subject: `${suggestion.title} (${id})`, detail: cleanReason }, now);
    if (how === 'reject') {
      const content = renderSuggestionMail('case-suggestion-rejected', { site, name: suggestion.suggester_name, title: suggestion.title, reason: cleanReason }, strings(languageOf(suggestion.language)));
      await enqueueMail(tx, { name: 'case-suggestion-rejected', to: suggestion.suggester_email, content, idempotencyKey: `case-suggestion-rejected:${id}` }, now);
    }
    return { ok: true, title: suggestion.title };
  });
}

export const pullRequestRetryPolicy = { maxAttempts: 5, batchSize: 10 };

/**
 * For the cron: tries again the pending suggestions whose pull request failed, fewer than `maxAttempts` times.
 * Suggestions never tried (stored while GitHub was not configured) wait for the secretariat to decide.
 */
export async function retryPendingPullRequests(db: Db, ctx: SuggestionContext = {}): Promise<{ opened: number; failed: number }> {
  const github = ctx.github === undefined ? githubSettingsFromEnv() : ctx.github;
  const report = { opened: 0, failed: 0 };
  if (!github) return report;
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM case_suggestions WHERE status = 'pending' AND pr_attempts BETWEEN 1 AND $1 - 1 ORDER BY created_at LIMIT $2`,
    [pullRequestRetryPolicy.maxAttempts, pullRequestRetryPolicy.batchSize],
  );
  for (const { id } of rows) {
    const outcome = await openSuggestionPullRequest(db, id, 'cron', { ...ctx, github });
    if (outcome.ok) report.opened++;
    else report.failed++;
  }
  return report;
}

/** Retention: a suggestion, with the suggester's name and email, is kept for a year. */
export const pruneSuggestions: Pruner = async (tx, before) => {
  const suggestions = await tx.query('DELETE FROM case_suggestions WHERE created_at < $1', [before(retentionPolicy.suggestionDays)]);
  return { suggestionsDeleted: suggestions.rowCount };
};
