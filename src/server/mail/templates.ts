// The named Danish mails about a signature, each written once as blocks and rendered to escaped HTML and plain text.
import { escapeHtml } from '../../html/escape.ts';
import { routes } from '../../routes.ts';

/** The links mails carry. Paths under the sign page, so they follow the route table. */
export const signingLinks = {
  confirm: (site: string, token: string) => `${site}${routes.signConfirm}?token=${encodeURIComponent(token)}`,
  withdraw: (site: string, token: string) => `${site}${routes.signWithdraw}?token=${encodeURIComponent(token)}`,
  sign: (site: string) => `${site}${routes.sign}`,
  signatories: (site: string) => `${site}${routes.signatories}`,
  badgeImage: (site: string, id: string) => `${site}/api/badge?id=${encodeURIComponent(id)}`,
};

export const charterName = 'Charter for samskabelse';

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
