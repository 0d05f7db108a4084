// The page with a principle's published proposals: whether a consultation round is open and until when, the current
// wording, each proposal with its author (only with consent), its wording as a word diff against the current text,
// its support and a way to support it, and the secretariat's answer; then the proposal form. A view: data in, HTML out.
import type { PublicProposal } from './proposals.ts';
import type { RoundState } from './rounds.ts';
import { wordDiff, wordDiffHtml } from '../charter/word-diff.ts';
import { renderProposalForm, type FormPrinciple, type ProposalFormState } from './proposal-form.ts';
import { strings, type Language, type Strings } from '../i18n/index.ts';
import { routesFor } from '../routes.ts';
import { escapeHtml } from '../platform/html/escape.ts';
import { errorSummary, fieldError } from '../platform/html/form-fields.ts';

export interface PageState {
  principle: FormPrinciple & { number: number; version: string };
  round: RoundState;
  proposals: readonly PublicProposal[];
  lang?: Language;
  /** Set after a proposal was sent: the page says to check the mail. */
  sent?: boolean;
  form?: Pick<ProposalFormState, 'values' | 'errors' | 'alert'>;
}

const dateIn = (t: Strings, date: Date | string) =>
  new Intl.DateTimeFormat(t.locale, { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date);

/** Text typed by a stranger, kept in its paragraphs. */
const paragraphs = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');

export function renderRound(round: RoundState, t: Strings): string {
  const p = t.charterProposals.page;
  const text =
    round.kind === 'open' ? p.roundOpen(round.round.title, dateIn(t, round.round.closes_on)) : round.kind === 'coming' ? p.roundComing(round.round.title, dateIn(t, round.round.opens_on)) : p.roundNone;
  return `<p class="notice round-status" id="hoering">${escapeHtml(text)}</p>`;
}

/** A support form for one proposal: an address, and a link by mail if it is a member's or a signatory's. */
function supportForm(proposal: PublicProposal, n: number, t: Strings, lang: Language, error?: string): string {
  const p = t.charterProposals.page;
  const id = `stoet-${proposal.id}`;
  const o = { name: `${id}-email`, label: p.supportEmail, error, t };
  return [
    `<form class="support-form" method="post" action="${routesFor(lang).supportApi}" novalidate>`,
    `<fieldset><legend>${escapeHtml(p.supportTitle)}<span class="visually-hidden"> (${escapeHtml(p.supportFor(n))})</span></legend>`,
    `<p class="field-hint" id="${id}-hint">${escapeHtml(p.supportHint)}</p>`,
    fieldError(o),
    `<input type="hidden" name="proposal" value="${proposal.id}">`,
    lang === 'da' ? '' : `<input type="hidden" name="language" value="${lang}">`,
    `<label class="field-label" for="${id}-email">${escapeHtml(p.supportEmail)}</label>`,
    `<input class="input" id="${id}-email" name="email" type="email" autocomplete="email" spellcheck="false" maxlength="320" aria-describedby="${id}-hint">`,
    `<button type="submit" class="button secondary">${escapeHtml(p.supportButton)}</button>`,
    `</fieldset></form>`,
  ].join('');
}

function proposalCard(proposal: PublicProposal, n: number, current: string, t: Strings, lang: Language): string {
  const p = t.charterProposals.page;
  const who = proposal.author_name ? p.by([proposal.author_name, proposal.author_organisation].filter(Boolean).join(', ')) : p.anonymous;
  const diff =
    proposal.kind === 'wording' && proposal.wording
      ? `<h4>${escapeHtml(p.wordingProposal)}</h4><p class="visually-hidden">${escapeHtml(p.diffLabel)}</p><p class="proposal-diff">${wordDiffHtml(wordDiff(current, proposal.wording), { added: p.added, removed: p.removed })}</p>`
      : '';
  const answer = proposal.answer
    ? [
        `<div class="proposal-answer"><h4>${escapeHtml(p.answerTitle)}</h4>`,
        proposal.answer_outcome ? `<p><strong>${escapeHtml(proposal.answer_outcome === 'incorporated' ? p.outcomes.incorporated(proposal.answer_version ?? '') : p.outcomes['not-incorporated'])}</strong></p>` : '',
        paragraphs(proposal.answer),
        `</div>`,
      ].join('')
    : '';
  return [
    `<li class="proposal" id="forslag-${proposal.id}">`,
    `<h3>${escapeHtml(p.proposalHeading(n))}: ${escapeHtml(proposal.kind === 'wording' ? p.wordingProposal : p.comment)}</h3>`,
    `<p class="meta">${escapeHtml(who)} · ${escapeHtml(p.published(dateIn(t, proposal.published_at)))} · ${escapeHtml(proposal.round_title ? p.inRound(proposal.round_title) : p.nextRound)}</p>`,
    diff,
    proposal.kind === 'wording' ? `<h4>${escapeHtml(p.reason)}</h4>` : '',
    paragraphs(proposal.reason),
    `<p class="support-count"><strong>${escapeHtml(p.supports(proposal.supports))}</strong></p>`,
    answer,
    supportForm(proposal, n, t, lang),
    `</li>`,
  ].join('');
}

export function renderProposalsPage(state: PageState): string {
  const lang = state.lang ?? 'da';
  const t = strings(lang);
  const p = t.charterProposals.page;
  const { principle } = state;
  const sent = state.sent
    ? `<div class="panel" role="status"><h2>${escapeHtml(t.charterProposals.thanks.title)}</h2><p>${escapeHtml(t.charterProposals.thanks.lead)}</p><p>${escapeHtml(t.charterProposals.thanks.next)}</p><p>${escapeHtml(t.charterProposals.thanks.noMail)}</p></div>`
    : '';
  const list = state.proposals.length
    ? `<ol class="proposals">${state.proposals.map((proposal, i) => proposalCard(proposal, i + 1, principle.wording, t, lang)).join('')}</ol>`
    : `<p>${escapeHtml(p.none)}</p>`;
  return [
    state.form?.errors?.length ? '' : sent,
    `<h1>${escapeHtml(p.title(principle.title))}</h1>`,
    `<p class="lead">${escapeHtml(p.lead)}</p>`,
    renderRound(state.round, t),
    `<h2>${escapeHtml(p.current)}</h2>`,
    `<blockquote class="current-wording"><p>${escapeHtml(principle.wording)}</p></blockquote>`,
    `<p class="meta">${escapeHtml(p.version(principle.version))} · <a href="${routesFor(lang).principle(principle.slug)}">${escapeHtml(p.readPrinciple)}</a></p>`,
    `<h2>${escapeHtml(p.proposalsTitle)}</h2>`,
    list,
    `<section aria-labelledby="foreslaa-overskrift"><h2 id="foreslaa-overskrift">${escapeHtml(t.charterProposals.form.title)}</h2>`,
    renderProposalForm({ principle, lang, ...state.form }),
    `</section>`,
  ].join('');
}

/** After a support request: the same answer for every address. */
export function renderSupportSent(lang: Language, back: string): string {
  const s = strings(lang).charterProposals.support;
  return `<div class="panel" role="status"><h1>${escapeHtml(s.sentTitle)}</h1><p>${escapeHtml(s.sent)}</p></div><p><a href="${escapeHtml(back)}">${escapeHtml(s.back)}</a></p>`;
}

/** A support request that could not be read: the address field again, with its error. */
export function renderSupportError(lang: Language, errors: readonly { field: 'proposal' | 'email'; message: string }[], values: { proposal?: string; email?: string }): string {
  const t = strings(lang);
  const s = t.charterProposals.support;
  const p = t.charterProposals.page;
  const err = (name: string) => errors.find((e) => e.field === name)?.message;
  const email = { name: 'email', label: p.supportEmail, error: err('email'), t };
  const proposalError = err('proposal');
  return [
    errorSummary(errors, t),
    `<h1>${escapeHtml(s.title)}</h1>`,
    `<form class="form" method="post" action="${routesFor(lang).supportApi}" novalidate>`,
    lang === 'da' ? '' : `<input type="hidden" name="language" value="${lang}">`,
    `<input type="hidden" name="proposal" value="${escapeHtml(values.proposal ?? '')}">`,
    proposalError ? `<p class="field-error" id="proposal"><span class="visually-hidden">${t.form.errorPrefix}</span> ${escapeHtml(proposalError)}</p>` : '',
    `<div class="field${email.error ? ' field--error' : ''}"><label class="field-label" for="email">${escapeHtml(p.supportEmail)}</label><p class="field-hint" id="email-hint">${escapeHtml(p.supportHint)}</p>${fieldError(email)}`,
    `<input class="input" id="email" name="email" type="email" autocomplete="email" spellcheck="false" maxlength="320" value="${escapeHtml(values.email ?? '')}" aria-describedby="email-hint${email.error ? ' email-error' : ''}"${email.error ? ' aria-invalid="true"' : ''}></div>`,
    `<p><button type="submit" class="button">${escapeHtml(p.supportButton)}</button></p>`,
    `</form>`,
  ].join('');
}
