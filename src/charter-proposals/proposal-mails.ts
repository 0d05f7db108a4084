// The mails about a proposal to the charter: confirm it, it was published, rejected (with the reason) or answered, and
// the link a member or signatory uses to support one. Each in the language the proposal or request came in.
import { mailRenderer, type MailPropsOf } from '../platform/mail/mail-frame.ts';
import { routesFor } from '../routes.ts';
import { strings, type Language, type Strings } from '../i18n/index.ts';

/** The links these mails carry, in the reader's language. */
export const proposalLinks = {
  confirm: (site: string, token: string, lang: Language) => `${site}${routesFor(lang).proposalConfirm}?token=${encodeURIComponent(token)}`,
  support: (site: string, token: string, lang: Language) => `${site}${routesFor(lang).proposalSupport}?token=${encodeURIComponent(token)}`,
  proposal: (site: string, principle: string, proposalId: string, lang: Language) => `${site}${routesFor(lang).principleProposals(principle)}#forslag-${proposalId}`,
};

interface ProposalMailBase {
  site: string;
  name: string;
  principleTitle: string;
}

export const proposalMails = {
  // No names or principle in the subject: subjects are the part of a mail that is kept the longest.
  'charter-proposal-confirm': (p: ProposalMailBase & { confirmUrl: string; nextRound: boolean }, t: Strings = strings()) => {
    const m = t.charterProposals.mails.confirm;
    return {
      subject: m.subject,
      blocks: [
        { paragraph: t.mails.hello(p.name) },
        { paragraph: m.thanks(p.principleTitle) },
        { paragraph: m.instruction },
        { button: { href: p.confirmUrl, label: m.button } },
        ...(p.nextRound ? [{ paragraph: m.nextRound }] : []),
        { paragraph: m.notYou },
      ],
    };
  },
  'charter-proposal-published': (p: ProposalMailBase & { proposalUrl: string }, t: Strings = strings()) => {
    const m = t.charterProposals.mails.published;
    return {
      subject: m.subject,
      blocks: [{ paragraph: t.mails.hello(p.name) }, { paragraph: m.published(p.principleTitle) }, { button: { href: p.proposalUrl, label: m.button } }],
    };
  },
  'charter-proposal-rejected': (p: ProposalMailBase & { reason: string }, t: Strings = strings()) => {
    const m = t.charterProposals.mails.rejected;
    return {
      subject: m.subject,
      blocks: [{ paragraph: t.mails.hello(p.name) }, { paragraph: m.rejected(p.principleTitle) }, { paragraph: m.reason }, { code: p.reason }, { paragraph: m.again }],
    };
  },
  'charter-proposal-answered': (p: ProposalMailBase & { proposalUrl: string }, t: Strings = strings()) => {
    const m = t.charterProposals.mails.answered;
    return {
      subject: m.subject,
      blocks: [{ paragraph: t.mails.hello(p.name) }, { paragraph: m.answered(p.principleTitle) }, { button: { href: p.proposalUrl, label: m.button } }],
    };
  },
  'charter-proposal-support': (p: { site: string; principleTitle: string; supportUrl: string }, t: Strings = strings()) => {
    const m = t.charterProposals.mails.support;
    return {
      subject: m.subject,
      blocks: [{ paragraph: m.intro(p.principleTitle) }, { paragraph: m.instruction }, { button: { href: p.supportUrl, label: m.button } }, { paragraph: m.notYou }],
    };
  },
};

export type ProposalMailName = keyof typeof proposalMails;
export type ProposalMailProps<N extends ProposalMailName> = MailPropsOf<typeof proposalMails, N>;

export const renderProposalMail = mailRenderer(proposalMails);
