// The receipt to someone who suggested a case.
import { mailRenderer, type Block } from '../platform/mail/mail-frame.ts';
import { routes } from '../routes.ts';

export const suggestionMails = {
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

export const renderSuggestionMail = mailRenderer(suggestionMails);
