// /bliv-medlem/bekraeft/ and /en/join/confirm/ (rewritten here): the link in the member's confirmation mail. GET shows
// a button; POST confirms. A second click says you are a member already; an expired link offers a new one by mail.
import { tokenActionHandlers } from '../../src/platform/http/token-action.ts';
import { confirmMembership, memberConfirmLinkState, renewMemberConfirm } from '../../src/membership/members.ts';
import { endpoints } from '../../src/platform/http/endpoint.ts';

export const { GET, POST } = endpoints(
  tokenActionHandlers('member-confirm', 'joinConfirm', {
    run: (db, token) => confirmMembership(db, token),
    shownName: (done) => done.name,
    inspect: (db, token) => memberConfirmLinkState(db, token),
    renew: { action: 'member-confirm', send: (db, token) => renewMemberConfirm(db, token) },
  }),
);
