// The mail a signatory's contact gets when a new version of the charter is adopted: what changed, as a word diff in
// plain text, with a link to re-affirm and a link to withdraw. On the shared mail frame.
import { mailRenderer, type Block } from '../platform/mail/mail-frame.ts';
import { routesFor, type RouteLanguage } from '../routes.ts';
import { strings, type Strings } from '../i18n/index.ts';
import { wordDiffText } from '../charter/word-diff.ts';
import type { PrincipleChange } from '../charter/charter-history.ts';

/** The links in the mail, in the signatory's language. */
export const charterLinks = {
  affirm: (site: string, token: string, lang: RouteLanguage = 'da') => `${site}${routesFor(lang).charterAffirm}?token=${encodeURIComponent(token)}`,
  changes: (site: string, lang: RouteLanguage = 'da') => `${site}${routesFor(lang).charterChanges}`,
};

export interface CharterAdoptedMail {
  site: string;
  organisationName: string;
  contactName: string;
  version: number;
  /** As the page shows it: "2017" or "2. marts 2026". */
  adopted: string;
  signedVersion: number;
  summary: string;
  changes: PrincipleChange[];
  affirmUrl: string;
  withdrawUrl: string;
}

export const charterMails = {
  'charter-version-adopted': (p: CharterAdoptedMail, t: Strings = strings()) => {
    const m = t.charterVersions.mail;
    const lang = t.lang as RouteLanguage;
    const changes: Block[] = p.changes.flatMap((change) => [
      { paragraph: m.principle(change.number, change.title, t.charterVersions.changes.kinds[change.kind]) },
      { code: wordDiffText(change.diff) },
    ]);
    return {
      subject: m.subject(p.version),
      blocks: [
        { paragraph: t.mails.hello(p.contactName) },
        { paragraph: m.adopted(p.organisationName, p.version, p.adopted, p.signedVersion) },
        { heading: m.changesHeading },
        ...(m.adoptedInDanish ? [{ paragraph: m.adoptedInDanish }] : []),
        { paragraph: p.summary },
        ...changes,
        ...(changes.length ? [{ paragraph: m.legend }] : []),
        { paragraph: m.readAll(charterLinks.changes(p.site, lang)) },
        { heading: m.affirmHeading },
        { paragraph: m.affirmIntro(p.version) },
        { button: { href: p.affirmUrl, label: m.affirmButton } },
        { paragraph: m.withdrawIntro },
        { button: { href: p.withdrawUrl, label: m.withdrawButton } },
        { paragraph: m.nothing(p.signedVersion) },
      ] satisfies Block[],
    };
  },
} satisfies Record<string, (props: never, t?: Strings) => { subject: string; blocks: Block[] }>;

export const renderCharterMail = mailRenderer(charterMails);
