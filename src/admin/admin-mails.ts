// The secretariat's one mail: a one-time login link.
import { mailRenderer, type Block } from '../platform/mail/mail-frame.ts';

export const adminMails = {
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
} satisfies Record<string, (props: never) => { subject: string; blocks: Block[] }>;

export const renderAdminMail = mailRenderer(adminMails);
