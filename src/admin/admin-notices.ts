// The short notice the admin shows after an action. The address carries a key from a fixed set (?besked=godkendt),
// never text: a link from outside cannot put words into the secretariat's pages. An unknown key shows nothing.
import { strings, type Strings } from '../i18n/index.ts';

export const adminNoticeKeys = ['godkendt', 'afvist', 'pull-request', 'ophaevet', 'forslag-afvist', 'forslag-arkiveret', 'version-vedtaget', 'version-sendt-igen', 'forslag-offentliggjort', 'chartforslag-afvist', 'forslag-samlet', 'forslag-besvaret', 'forslag-pull-request', 'hoering-aabnet', 'hoering-lukket'] as const;
export type AdminNotice = (typeof adminNoticeKeys)[number];

/** The query parameters: the key, and the id of what the action was about (looked up by the page, never shown as given). */
export const noticeParameters = { key: 'besked', id: 'id' } as const;

/** The notice key in a page's address, if it is one of ours. */
export function adminNoticeFrom(params: URLSearchParams): AdminNotice | undefined {
  const key = params.get(noticeParameters.key);
  return (adminNoticeKeys as readonly string[]).includes(key ?? '') ? (key as AdminNotice) : undefined;
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id the notice is about, if the address has a well-formed one: only to look up, never to show. */
export function adminNoticeSubjectId(params: URLSearchParams): string | undefined {
  const id = params.get(noticeParameters.id) ?? '';
  return uuidShape.test(id) ? id : undefined;
}

/** The address to go to after an action: `path` with the notice key (and the id it is about). */
export function withNotice(path: string, notice: AdminNotice, id?: string): string {
  const query = new URLSearchParams({ [noticeParameters.key]: notice, ...(id ? { [noticeParameters.id]: id } : {}) });
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

/**
 * The text for a notice. `subject` is what the page itself found under the id (an organisation's name, a pull
 * request's address, a suggestion's title), or nothing; the text works either way. It is plain text: the view escapes it.
 */
export function adminNoticeText(notice: AdminNotice | undefined, subject?: string, t: Strings = strings()): string | undefined {
  if (!notice) return undefined;
  const n = t.linkpages.adminNotices;
  switch (notice) {
    case 'godkendt':
      return subject ? t.admin.queue.approved(subject) : n.approved;
    case 'afvist':
      return subject ? t.admin.queue.rejected(subject) : n.rejected;
    case 'pull-request':
      return subject ? t.admin.web.pullRequestOpened(subject) : n.pullRequestOpened;
    case 'ophaevet':
      return n.lifted;
    case 'forslag-afvist':
      return subject ? n.suggestionRejected(subject) : n.suggestionClosed;
    case 'forslag-arkiveret':
      return subject ? n.suggestionArchived(subject) : n.suggestionClosed;
    case 'version-vedtaget':
      return subject ? t.charterAdoption.notices.adopted(subject) : t.charterAdoption.notices.adoptedPlain;
    case 'version-sendt-igen':
      return t.charterAdoption.notices.again;
    case 'forslag-offentliggjort':
      return t.charterProposals.admin.messages.published;
    case 'chartforslag-afvist':
      return t.charterProposals.admin.messages.rejected;
    case 'forslag-samlet':
      return t.charterProposals.admin.messages.merged;
    case 'forslag-besvaret':
      return t.charterProposals.admin.messages.answered;
    case 'forslag-pull-request':
      return n.pullRequestOpened;
    case 'hoering-aabnet':
      return subject ? t.charterProposals.admin.rounds.opened(subject) : t.charterProposals.admin.rounds.openedPlain;
    case 'hoering-lukket':
      return subject ? t.charterProposals.admin.rounds.closed(subject) : t.charterProposals.admin.rounds.closedPlain;
  }
}
