// /bliv-medlem/bekraeft/ and /en/join/confirm/ (rewritten here): the link in the member's confirmation mail. GET shows a button; POST confirms.
import { tokenActionHandlers } from '../../src/platform/http/token-action.ts';
import { confirmMembership } from '../../src/membership/members.ts';
import { endpoints } from '../../src/platform/http/endpoint.ts';

export const { GET, POST } = endpoints(tokenActionHandlers('member-confirm', 'joinConfirm', (db, token) => confirmMembership(db, token), (done) => done.name));
