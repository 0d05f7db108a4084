// The mails to someone who suggested a case: the receipt, and the reason if the secretariat rejects it.
import { mailRenderer, type Block } from '../platform/mail/mail-frame.ts';
import { routesFor } from '../routes.ts';
import { languageOf, strings, type Strings } from '../i18n/index.ts';

export const suggestionMails = {
  // To someone who suggested a case on the website: a receipt, and an honest word on what happens next.
  'case-suggestion-received': (p: { site: string; name: string; title: string }, t: Strings = strings()) => {
    const m = t.mails.suggestions.received;
    return {
      subject: m.subject,
      blocks: [
        { paragraph: t.mails.hello(p.name) },
        { paragraph: m.thanks(p.title) },
        { paragraph: m.next },
        { paragraph: m.private },
        { paragraph: m.cases(`${p.site}${routesFor(languageOf(t.lang)).cases}`) },
      ],
    };
  },
  // To someone whose suggestion the secretariat rejected: short, with the reason. An archived suggestion gets no mail.
  'case-suggestion-rejected': (p: { site: string; name: string; title: string; reason: string }, t: Strings = strings()) => {
    const m = t.linkpages.suggestionRejectedMail;
    return {
      subject: m.subject,
      blocks: [{ paragraph: t.mails.hello(p.name) }, { paragraph: m.text(p.title) }, { paragraph: m.reason(p.reason) }, { paragraph: m.again }],
    };
  },
} satisfies Record<string, (props: never, t?: Strings) => { subject: string; blocks: Block[] }>;

export const renderSuggestionMail = mailRenderer(suggestionMails);
