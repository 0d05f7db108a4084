// The receipt to someone who suggested a case.
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
} satisfies Record<string, (props: never, t?: Strings) => { subject: string; blocks: Block[] }>;

export const renderSuggestionMail = mailRenderer(suggestionMails);
