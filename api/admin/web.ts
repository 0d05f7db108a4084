// /admin/… (rewritten here): the secretariat's web admin. The routes, sessions and CSRF checks live in src/server/admin/web.ts.
import { handleAdmin } from '../../src/server/admin/web.ts';

export const GET = handleAdmin;
export const POST = handleAdmin;
