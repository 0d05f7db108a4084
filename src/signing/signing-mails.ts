// The mails about a signature, from the confirm link to approval, rejection and withdrawal, on the shared mail frame.
import { escapeHtml } from '../platform/html/escape.ts';
import { mailRenderer, type Block, type MailPropsOf } from '../platform/mail/mail-frame.ts';
import { routesFor, type RouteLanguage } from '../routes.ts';
import { strings, type Strings } from '../i18n/index.ts';
import { defaultBadgeSize, type BadgeSize } from './badge.ts';

/** The links mails carry. Paths under the sign page, so they follow the route table. */
export const signingLinks = {
  confirm: (site: string, token: string, lang: RouteLanguage = 'da') => `${site}${routesFor(lang).signConfirm}?token=${encodeURIComponent(token)}`,
  withdraw: (site: string, token: string, lang: RouteLanguage = 'da') => `${site}${routesFor(lang).signWithdraw}?token=${encodeURIComponent(token)}`,
  sign: (site: string, lang: RouteLanguage = 'da') => `${site}${routesFor(lang).sign}`,
  signatories: (site: string, lang: RouteLanguage = 'da') => `${site}${routesFor(lang).signatories}`,
  badgeImage: (site: string, id: string, size?: BadgeSize) => `${site}${routesFor('da').badge(id, size === defaultBadgeSize ? undefined : size)}`,
  signatory: (site: string, id: string) => `${site}${routesFor('da').signatory(id)}`,
};

/** The snippet a signatory pastes into its own website: the badge (medium unless a size is named), linking to the wall. */
export function badgeSnippet(site: string, signatureId: string, t: Strings = strings(), size?: BadgeSize): string {
  return `<a href="${escapeHtml(signingLinks.signatories(site))}"><img src="${escapeHtml(signingLinks.badgeImage(site, signatureId, size))}" alt="${escapeHtml(t.mails.signing.badgeAlt)}"></a>`;
}

interface MailBase {
  site: string;
  organisationName: string;
  contactName: string;
}

/** A link to withdraw the signature; present while there is something to withdraw. */
interface Withdrawable {
  withdrawUrl: string;
}

const withdrawFooter = (url: string, t: Strings): Block[] => [
  { paragraph: t.mails.signing.withdrawIntro },
  { button: { href: url, label: t.mails.signing.withdrawButton } },
];

export const signingMails = {
  'signature-confirm': (p: MailBase & Withdrawable & { confirmUrl: string }, t: Strings = strings()) => {
    const m = t.mails.signing.confirm;
    return {
      subject: m.subject,
      blocks: [
        { paragraph: t.mails.hello(p.contactName) },
        { paragraph: m.thanks(p.organisationName) },
        { paragraph: m.instruction },
        { button: { href: p.confirmUrl, label: m.button } },
        { paragraph: m.notYou },
        ...withdrawFooter(p.withdrawUrl, t),
      ],
    };
  },
  'signature-confirmed-awaiting-review': (p: MailBase & Withdrawable, t: Strings = strings()) => {
    const m = t.mails.signing.awaitingReview;
    return {
      subject: m.subject,
      blocks: [{ paragraph: t.mails.hello(p.contactName) }, { paragraph: m.thanks(p.organisationName) }, { paragraph: m.next }, ...withdrawFooter(p.withdrawUrl, t)],
    };
  },
  'signature-approved': (p: MailBase & Withdrawable & { signatureId: string; listedPublicly: boolean }, t: Strings = strings()) => {
    const m = t.mails.signing.approved;
    return {
      subject: m.subject(p.organisationName),
      blocks: [
        { paragraph: t.mails.hello(p.contactName) },
        { paragraph: m.approved(p.organisationName) },
        { paragraph: p.listedPublicly ? m.listed(signingLinks.signatories(p.site, t.lang as RouteLanguage)) : m.notListed },
        { heading: m.badgeHeading },
        { paragraph: m.badgeIntro },
        { code: badgeSnippet(p.site, p.signatureId, t) },
        // The other sizes are on the signatory's own page, which exists only while it is on the public list.
        ...(p.listedPublicly ? [{ paragraph: t.signatoryPage.mailMore(signingLinks.signatory(p.site, p.signatureId)) }] : []),
        ...withdrawFooter(p.withdrawUrl, t),
      ],
    };
  },
  // To the contact of the signature that holds the place, when someone else confirms a signature for the same organisation.
  'signature-other-contact': (p: MailBase & { otherContact: string; otherEmail: string }, t: Strings = strings()) => {
    const m = t.mails.signing.otherContact;
    return {
      subject: m.subject(p.organisationName),
      blocks: [{ paragraph: t.mails.hello(p.contactName) }, { paragraph: m.signed(p.organisationName, p.otherContact, p.otherEmail) }, { paragraph: m.nothingToDo }, { paragraph: m.wrong }],
    };
  },
  // Rejected and withdrawn are final states: a withdraw link there could only fail, so these two have none.
  'signature-rejected': (p: MailBase & { reason: string }, t: Strings = strings()) => {
    const m = t.mails.signing.rejected;
    return {
      subject: m.subject(p.organisationName),
      blocks: [
        { paragraph: t.mails.hello(p.contactName) },
        { paragraph: m.read(p.organisationName) },
        { paragraph: m.reason(p.reason) },
        { paragraph: m.again(signingLinks.sign(p.site, t.lang as RouteLanguage)) },
      ],
    };
  },
  'signature-withdrawn': (p: MailBase, t: Strings = strings()) => {
    const m = t.mails.signing.withdrawn;
    return {
      subject: m.subject,
      blocks: [{ paragraph: t.mails.hello(p.contactName) }, { paragraph: m.withdrawn(p.organisationName) }, { paragraph: m.again(signingLinks.sign(p.site, t.lang as RouteLanguage)) }],
    };
  },
} satisfies Record<string, (props: never, t?: Strings) => { subject: string; blocks: Block[] }>;

export type SigningMailName = keyof typeof signingMails;
export type SigningMailProps<N extends SigningMailName> = MailPropsOf<typeof signingMails, N>;

export const renderSigningMail = mailRenderer(signingMails);
