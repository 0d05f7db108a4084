// The frame every mail shares: a mail is a subject and a list of blocks, rendered once to escaped HTML and to plain text.
import { escapeHtml } from '../html/escape.ts';
import { strings, type Strings } from '../../i18n/index.ts';

export interface MailContent {
  subject: string;
  html: string;
  text: string;
}

export type Block = { paragraph: string } | { button: { href: string; label: string } } | { code: string } | { heading: string };

/** What a feature's mail function returns. */
export interface MailDraft {
  subject: string;
  blocks: Block[];
}

/** A feature's mails, by name; every mail knows the site it links to. */
export type MailCatalog = Record<string, (props: never) => MailDraft>;

export type MailPropsOf<C extends MailCatalog, N extends keyof C> = Parameters<C[N]>[0];

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

/** Renders a draft in the shared frame, signed off with the movement's name and the site. */
export function renderDraft(draft: MailDraft, site: string, t: Strings = strings()): MailContent {
  const { subject: rawSubject, blocks } = draft;
  // Names come from a form; a line break in a subject has no business there.
  const subject = rawSubject.replace(/\s+/g, ' ').trim();
  const signOff = t.mails.signOff(site);
  const html = [
    '<!doctype html>',
    `<html lang="${t.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>`,
    escapeHtml(subject),
    '</title></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c;max-width:600px;margin:0 auto;padding:16px">',
    ...blocks.map(blockHtml),
    `<p style="margin:24px 0 0">${escapeHtml(signOff).replaceAll('\n', '<br>')}</p>`,
    '</body></html>',
  ].join('');
  const text = [...blocks.map(blockText), signOff].join('\n\n') + '\n';
  return { subject, html, text };
}

/** A render function for one feature's catalog: `render(name, props, t)` with the props that mail takes, in t's language. */
export function mailRenderer<C extends MailCatalog>(catalog: C) {
  return <N extends keyof C & string>(name: N, props: MailPropsOf<C, N> & { site: string }, t: Strings = strings()): MailContent =>
    renderDraft((catalog[name] as (p: MailPropsOf<C, N>, t: Strings) => MailDraft)(props, t), (props as { site: string }).site, t);
}
