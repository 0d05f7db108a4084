// /bliv-medlem/udmeld/ (rewritten here): the leave link in every member mail. GET shows a button; POST deletes the member.
import { routes } from '../../src/routes.ts';
import { tokenActionHandlers } from '../../src/platform/http/token-action.ts';
import { leaveMovement } from '../../src/membership/members.ts';

export const { GET, POST } = tokenActionHandlers('member-leave', routes.leave, (db, token) => leaveMovement(db, token));
