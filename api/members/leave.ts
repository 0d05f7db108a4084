// /bliv-medlem/udmeld/ (rewritten here): the leave link in every member mail. GET shows a button; POST deletes the member.
import { routes } from '../../src/routes.ts';
import { tokenActionHandlers } from '../../src/platform/http/token-action.ts';
import { leaveMovement } from '../../src/membership/members.ts';
import { endpoints } from '../../src/platform/http/endpoint.ts';

export const { GET, POST } = endpoints(tokenActionHandlers('member-leave', routes.leave, (db, token) => leaveMovement(db, token)));
