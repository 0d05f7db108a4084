// The mails about a signature, from the confirm link to approval, rejection and withdrawal, on the shared mail frame.
import { escapeHtml } from '../platform/html/escape.ts';
import { mailRenderer, type Block, type MailPropsOf } from '../platform/mail/mail-frame.ts';
import { routes } from '../routes.ts';

/** The links mails carry. Paths under the sign page, so they follow the route table. */
export const signingLinks = {
  confirm: (site: string, token: string) => `${site}${routes.signConfirm}?token=${encodeURIComponent(token)}`,
  withdraw: (site: string, token: string) => `${site}${routes.signWithdraw}?token=${encodeURIComponent(token)}`,
  sign: (site: string) => `${site}${routes.sign}`,
  signatories: (site: string) => `${site}${routes.signatories}`,
  badgeImage: (site: string, id: string) => `${site}${routes.badge(id)}`,
};

export const charterName = 'Charter for samskabelse';

/** The snippet a signatory pastes into its own website. */
export function badgeSnippet(site: string, signatureId: string): string {
  return `<a href="${escapeHtml(signingLinks.signatories(site))}"><img src="${escapeHtml(signingLinks.badgeImage(site, signatureId))}" alt="Vi har underskrevet ${charterName}"></a>`;
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

const withdrawFooter = (url: string): Block[] => [
  { paragraph: `Vil I trække underskriften tilbage, kan I gøre det her. Så fjerner vi jer fra listen over underskrivere:` },
  { button: { href: url, label: 'Træk underskriften tilbage' } },
];

export const signingMails = {
  'signature-confirm': (p: MailBase & Withdrawable & { confirmUrl: string }) => ({
    subject: `Bekræft jeres underskrift på ${charterName}`,
    blocks: [
      { paragraph: `Hej ${p.contactName}` },
      { paragraph: `Tak, fordi ${p.organisationName} vil skrive under på ${charterName}.` },
      { paragraph: 'Bekræft underskriften ved at åbne linket herunder. Linket virker i 7 dage.' },
      { button: { href: p.confirmUrl, label: 'Bekræft underskriften' } },
      { paragraph: 'Har du ikke skrevet under, kan du se bort fra denne mail. Så bliver underskriften ikke brugt.' },
      ...withdrawFooter(p.withdrawUrl),
    ],
  }),
  'signature-confirmed-awaiting-review': (p: MailBase & Withdrawable) => ({
    subject: 'Tak, jeres underskrift er bekræftet',
    blocks: [
      { paragraph: `Hej ${p.contactName}` },
      { paragraph: `Tak, fordi I bekræftede underskriften fra ${p.organisationName}.` },
      { paragraph: 'Vi læser alle underskrifter igennem, før de kommer på listen. Vi skriver til dig, når det er sket. Det tager normalt et par hverdage.' },
      ...withdrawFooter(p.withdrawUrl),
    ],
  }),
  'signature-approved': (p: MailBase & Withdrawable & { signatureId: string; listedPublicly: boolean }) => ({
    subject: `${p.organisationName} har nu skrevet under på ${charterName}`,
    blocks: [
      { paragraph: `Hej ${p.contactName}` },
      { paragraph: `Vi har godkendt underskriften. ${p.organisationName} er nu med i samskabelsesbevægelsen.` },
      p.listedPublicly
        ? { paragraph: `I står på listen over underskrivere: ${signingLinks.signatories(p.site)}` }
        : { paragraph: 'I har valgt ikke at stå på den offentlige liste over underskrivere, så vi viser ikke jeres navn.' },
      { heading: 'Vis, at I har skrevet under' },
      { paragraph: 'Sæt denne kode ind på jeres hjemmeside, så viser den et mærke, der linker til listen over underskrivere:' },
      { code: badgeSnippet(p.site, p.signatureId) },
      ...withdrawFooter(p.withdrawUrl),
    ],
  }),
  // Rejected and withdrawn are final states: a withdraw link there could only fail, so these two have none.
  'signature-rejected': (p: MailBase & { reason: string }) => ({
    subject: `Vi kunne ikke godkende underskriften fra ${p.organisationName}`,
    blocks: [
      { paragraph: `Hej ${p.contactName}` },
      { paragraph: `Vi har læst underskriften fra ${p.organisationName} igennem, men vi kan ikke godkende den.` },
      { paragraph: `Begrundelse: ${p.reason}` },
      { paragraph: `Mener I, at det er en fejl, er I velkomne til at skrive under igen: ${signingLinks.sign(p.site)}` },
    ],
  }),
  'signature-withdrawn': (p: MailBase) => ({
    subject: 'Jeres underskrift er trukket tilbage',
    blocks: [
      { paragraph: `Hej ${p.contactName}` },
      { paragraph: `Vi har trukket underskriften fra ${p.organisationName} tilbage. I står ikke længere på listen over underskrivere.` },
      { paragraph: `Vil I skrive under igen senere, kan I gøre det her: ${signingLinks.sign(p.site)}` },
    ],
  }),
} satisfies Record<string, (props: never) => { subject: string; blocks: Block[] }>;

export type SigningMailName = keyof typeof signingMails;
export type SigningMailProps<N extends SigningMailName> = MailPropsOf<typeof signingMails, N>;

export const renderSigningMail = mailRenderer(signingMails);
