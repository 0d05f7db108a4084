// The mails about a membership: confirm, welcome and "already a member", each with the link to leave.
import { mailRenderer, type Block, type MailPropsOf } from '../platform/mail/mail-frame.ts';
import { routes } from '../routes.ts';

/** The links member mails carry. */
export const memberLinks = {
  confirm: (site: string, token: string) => `${site}${routes.joinConfirm}?token=${encodeURIComponent(token)}`,
  leave: (site: string, token: string) => `${site}${routes.leave}?token=${encodeURIComponent(token)}`,
  join: (site: string) => `${site}${routes.join}`,
  privacy: (site: string) => `${site}${routes.privacy}`,
};

export const movementName = 'Samskabelsesbevægelsen';

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

export const memberMails = {
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
} satisfies Record<string, (props: never) => { subject: string; blocks: Block[] }>;

export type MemberMailName = keyof typeof memberMails;
export type MemberMailProps<N extends MemberMailName> = MailPropsOf<typeof memberMails, N>;

export const renderMemberMail = mailRenderer(memberMails);
