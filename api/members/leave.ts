// /bliv-medlem/udmeld/ and /en/join/leave/ (rewritten here): the leave link in every member mail. GET shows a button; POST deletes the member.
import { tokenActionHandlers } from '../../src/platform/http/token-action.ts';
import { leaveLinkState, leaveMovement } from '../../src/membership/members.ts';
import { endpoints } from '../../src/platform/http/endpoint.ts';

export const { GET, POST } = endpoints(
  tokenActionHandlers('member-leave', 'leave', {
    run: (db, token) => leaveMovement(db, token),
    inspect: (db, token) => leaveLinkState(db, token),
  }),
);
