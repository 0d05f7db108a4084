// The mails about a membership: confirm, welcome and "already a member", each with the link to leave.
import { mailRenderer, type Block, type MailPropsOf } from '../platform/mail/mail-frame.ts';
import { routes, routesFor, type RouteLanguage } from '../routes.ts';
import { strings, type Strings } from '../i18n/index.ts';

/** The links member mails carry. */
export const memberLinks = {
  // In the member's language: the page behind the link speaks the language of its address.
  confirm: (site: string, token: string, lang: RouteLanguage = 'da') => `${site}${routesFor(lang).joinConfirm}?token=${encodeURIComponent(token)}`,
  leave: (site: string, token: string, lang: RouteLanguage = 'da') => `${site}${routesFor(lang).leave}?token=${encodeURIComponent(token)}`,
  join: (site: string) => `${site}${routes.join}`,
  privacy: (site: string) => `${site}${routes.privacy}`,
};

/** Who a member mail is to; every member mail carries a leave link, because leaving must always be one click away. */
interface MemberMailBase {
  site: string;
  name: string;
  /** Set when the member is an organisation. */
  organisationName?: string;
  leaveUrl: string;
}

const leaveFooter = (url: string, t: Strings): Block[] => [
  { paragraph: t.mails.membership.leaveIntro },
  { button: { href: url, label: t.mails.membership.leaveButton } },
];

/** Before confirming there is no membership to leave yet, only a sign-up to take back. */
const withdrawSignUpFooter = (url: string, t: Strings): Block[] => [
  { paragraph: t.mails.membership.withdrawSignUpIntro },
  { button: { href: url, label: t.mails.membership.withdrawSignUpButton } },
];

export const memberMails = {
  // Member mails never put a name in the subject: subjects are the part of a mail that is kept the longest.
  'member-confirm': (p: MemberMailBase & { confirmUrl: string }, t: Strings = strings()) => {
    const m = t.mails.membership.confirm;
    return {
      subject: m.subject,
      blocks: [
        { paragraph: t.mails.hello(p.name) },
        { paragraph: p.organisationName ? m.thanksOrganisation(p.organisationName) : m.thanksPerson },
        { paragraph: m.instruction },
        { button: { href: p.confirmUrl, label: m.button } },
        { paragraph: m.notYou },
        ...withdrawSignUpFooter(p.leaveUrl, t),
      ],
    };
  },
  'member-welcome': (p: MemberMailBase & { newsletter: boolean }, t: Strings = strings()) => {
    const m = t.mails.membership.welcome;
    return {
      subject: m.subject,
      blocks: [
        { paragraph: t.mails.hello(p.name) },
        { paragraph: m.confirmed(p.organisationName) },
        { paragraph: m.about(p.site) },
        { paragraph: p.newsletter ? m.newsletter : m.noNewsletter },
        { paragraph: m.privacy(memberLinks.privacy(p.site)) },
        { paragraph: m.keep },
        ...leaveFooter(p.leaveUrl, t),
      ],
    };
  },
  'member-already': (p: MemberMailBase, t: Strings = strings()) => {
    const m = t.mails.membership.already;
    return {
      subject: m.subject,
      blocks: [{ paragraph: t.mails.hello(p.name) }, { paragraph: m.tried }, { paragraph: m.unchanged }, ...leaveFooter(p.leaveUrl, t)],
    };
  },
} satisfies Record<string, (props: never, t?: Strings) => { subject: string; blocks: Block[] }>;

export type MemberMailName = keyof typeof memberMails;
export type MemberMailProps<N extends MemberMailName> = MailPropsOf<typeof memberMails, N>;

export const renderMemberMail = mailRenderer(memberMails);
