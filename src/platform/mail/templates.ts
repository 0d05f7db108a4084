// The named Danish mails about a signature or a membership, each written once as blocks and rendered to escaped HTML and plain text.
import { escapeHtml } from '../html/escape.ts';
import { routes } from '../../routes.ts';

/** The links mails carry. Paths under the sign page, so they follow the route table. */
export const signingLinks = {
  confirm: (site: string, token: string) => `${site}${routes.signConfirm}?token=${encodeURIComponent(token)}`,
  withdraw: (site: string, token: string) => `${site}${routes.signWithdraw}?token=${encodeURIComponent(token)}`,
  sign: (site: string) => `${site}${routes.sign}`,
  signatories: (site: string) => `${site}${routes.signatories}`,
  badgeImage: (site: string, id: string) => `${site}/api/badge?id=${encodeURIComponent(id)}`,
};

/** The links member mails carry. */
export const memberLinks = {
  confirm: (site: string, token: string) => `${site}${routes.joinConfirm}?token=${encodeURIComponent(token)}`,
  leave: (site: string, token: string) => `${site}${routes.leave}?token=${encodeURIComponent(token)}`,
  join: (site: string) => `${site}${routes.join}`,
  privacy: (site: string) => `${site}${routes.privacy}`,
};

export const charterName = 'Charter for samskabelse';
export const movementName = 'Samskabelsesbevægelsen';

/** The snippet a signatory pastes into its own website. */
export function badgeSnippet(site: string, signatureId: string): string {
  return `<a href="${escapeHtml(signingLinks.signatories(site))}"><img src="${escapeHtml(signingLinks.badgeImage(site, signatureId))}" alt="Vi har underskrevet ${charterName}"></a>`;
}

export interface MailContent {
  subject: string;
  html: string;
  text: string;
}

type Block = { paragraph: string } | { button: { href: string; label: string } } | { code: string } | { heading: string };

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

/** Who a member mail is to; every member mail carries a leave link, because leaving must always be one click away. */
interface MemberMailBase {
  site: string;
  name: string;
  /** Set when the member is an organisation. */
  organisationName?: string;
  leaveUrl: string;
}

const leaveFooter = (url: string): Block[] => [
  { paragraph: 'Vil du ikke længere være medlem, kan du melde dig ud her. Så sletter vi dine oplysninger:' },
  { button: { href: url, label: 'Meld dig ud' } },
];

/** Before confirming there is no membership to leave yet, only a sign-up to take back. */
const withdrawSignUpFooter = (url: string): Block[] => [
  { paragraph: 'Vil du alligevel ikke være medlem, kan du slette din tilmelding her. Så sletter vi dine oplysninger med det samme:' },
  { button: { href: url, label: 'Slet min tilmelding' } },
];

/** Every mail, by name: its props and its content. */
export const mails = {
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
  // The secretariat's one-time login link; it has no withdraw footer because it concerns no signature.
  'admin-login': (p: { site: string; loginUrl: string; minutes: number }) => ({
    subject: 'Log ind i Samskabelsesbevægelsens administration',
    blocks: [
      { paragraph: 'Hej' },
      { paragraph: `Du har bedt om at logge ind i administrationen. Linket virker én gang og i ${p.minutes} minutter.` },
      { button: { href: p.loginUrl, label: 'Log ind' } },
      { paragraph: 'Har du ikke bedt om at logge ind, kan du se bort fra denne mail. Så sker der ingenting.' },
    ],
  }),
  // Member mails never put a name in the subject: subjects are the part of a mail that is kept the longest.
  'member-confirm': (p: MemberMailBase & { confirmUrl: string }) => ({
    subject: `Bekræft, at du vil være medlem af ${movementName}`,
    blocks: [
      { paragraph: `Hej ${p.name}` },
      { paragraph: p.organisationName ? `Tak, fordi du vil melde ${p.organisationName} ind i ${movementName}.` : `Tak, fordi du vil være medlem af ${movementName}.` },
      { paragraph: 'Bekræft medlemskabet ved at åbne linket herunder. Linket virker i 7 dage.' },
      { button: { href: p.confirmUrl, label: 'Bekræft medlemskabet' } },
      { paragraph: 'Har du ikke meldt dig ind, kan du se bort fra denne mail. Så bliver du ikke medlem, og vi sletter oplysningerne efter 30 dage.' },
      ...withdrawSignUpFooter(p.leaveUrl),
    ],
  }),
  'member-welcome': (p: MemberMailBase & { newsletter: boolean }) => ({
    subject: `Velkommen i ${movementName}`,
    blocks: [
      { paragraph: `Hej ${p.name}` },
      { paragraph: `Tak, fordi du bekræftede. Nu er ${p.organisationName ?? 'du'} medlem af ${movementName}.` },
      { paragraph: `Bevægelsen samler alle, der vil løse de store opgaver sammen, som ligeværdige parter. Læs chartret, og find danske cases på ${p.site}.` },
      p.newsletter
        ? { paragraph: 'Du har sagt ja til vores nyhedsbrev.' }
        : { paragraph: 'Du har ikke bedt om vores nyhedsbrev, så vi skriver kun til dig om dit medlemskab.' },
      { paragraph: `Sådan behandler vi dine oplysninger: ${memberLinks.privacy(p.site)}` },
      { paragraph: 'Gem gerne denne mail. Så har du altid linket til at melde dig ud.' },
      ...leaveFooter(p.leaveUrl),
    ],
  }),
  'member-already': (p: MemberMailBase) => ({
    subject: `Du er allerede medlem af ${movementName}`,
    blocks: [
      { paragraph: `Hej ${p.name}` },
      { paragraph: `Nogen, sikkert dig selv, har prøvet at melde denne e-mailadresse ind i ${movementName} igen. Du er allerede medlem, så du skal ikke gøre noget.` },
      { paragraph: 'Vi har ikke ændret noget ved dit medlemskab.' },
      ...leaveFooter(p.leaveUrl),
    ],
  }),
  // To someone who suggested a case on the website: a receipt, and an honest word on what happens next.
  'case-suggestion-received': (p: { site: string; name: string; title: string }) => ({
    subject: 'Tak for dit forslag til en case',
    blocks: [
      { paragraph: `Hej ${p.name}` },
      { paragraph: `Tak, fordi du har foreslået casen »${p.title}« til Samskabelsesbevægelsens casebibliotek.` },
      { paragraph: 'En redaktør læser forslaget, tjekker kilderne og skriver casen. Har vi spørgsmål, skriver vi til dig. Ikke alle forslag bliver til en case, men vi læser dem alle.' },
      { paragraph: 'Dit navn og din e-mail bliver ikke vist offentligt.' },
      { paragraph: `Se de cases, der allerede er i biblioteket: ${p.site}${routes.cases}` },
    ],
  }),
} satisfies Record<string, (props: never) => { subject: string; blocks: Block[] }>;

export type MailName = keyof typeof mails;
export type MailProps<N extends MailName> = Parameters<(typeof mails)[N]>[0];

export { escapeHtml };

function blockHtml(block: Block): string {
  if ('heading' in block) return `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(block.heading)}</h2>`;
  if ('button' in block) {
    const href = escapeHtml(block.button.href);
    return `<p style="margin:16px 0"><a href="${href}" style="display:inline-block;padding:10px 16px;background:#00703c;color:#ffffff;text-decoration:none;font-weight:bold">${escapeHtml(block.button.label)}</a></p><p style="margin:0 0 16px;font-size:14px;word-break:break-all">${href}</p>`;
  }
  if ('code' in block) return `<pre style="white-space:pre-wrap;background:#f3f2f1;padding:12px;font-size:14px"><code>${escapeHtml(block.code)}</code></pre>`;
  return `<p style="margin:0 0 16px">${escapeHtml(block.paragraph)}</p>`;
}

function blockText(block: Block): string {
  if ('heading' in block) return block.heading.toUpperCase();
  if ('button' in block) return `${block.button.label}:\n${block.button.href}`;
  if ('code' in block) return block.code;
  return block.paragraph;
}

export function renderMail<N extends MailName>(name: N, props: MailProps<N>): MailContent {
  const { subject: rawSubject, blocks } = (mails[name] as (p: MailProps<N>) => { subject: string; blocks: Block[] })(props);
  // Names come from a form; a line break in a subject has no business there.
  const subject = rawSubject.replace(/\s+/g, ' ').trim();
  const signOff = `Venlig hilsen\nSamskabelsesbevægelsen\n${props.site}`;
  const html = [
    '<!doctype html>',
    '<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>',
    escapeHtml(subject),
    '</title></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c;max-width:600px;margin:0 auto;padding:16px">',
    ...blocks.map(blockHtml),
    `<p style="margin:24px 0 0">${escapeHtml(signOff).replaceAll('\n', '<br>')}</p>`,
    '</body></html>',
  ].join('');
  const text = [...blocks.map(blockText), signOff].join('\n\n') + '\n';
  return { subject, html, text };
}
