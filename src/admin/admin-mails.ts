// The secretariat's one mail: a one-time login link.
import { mailRenderer, type Block } from '../platform/mail/mail-frame.ts';
import { strings, type Strings } from '../i18n/index.ts';

export const adminMails = {
  // The secretariat's one-time login link; it has no withdraw footer because it concerns no signature.
  'admin-login': (p: { site: string; loginUrl: string; minutes: number }, t: Strings = strings()) => {
    const m = t.mails.admin.login;
    return {
      subject: m.subject,
      blocks: [{ paragraph: m.hello }, { paragraph: m.asked(p.minutes) }, { button: { href: p.loginUrl, label: m.button } }, { paragraph: m.notYou }],
    };
  },
} satisfies Record<string, (props: never, t?: Strings) => { subject: string; blocks: Block[] }>;

export const renderAdminMail = mailRenderer(adminMails);
