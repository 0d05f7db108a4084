// /admin/… (rewritten here): the secretariat's web admin. The routes, sessions and CSRF checks live in src/admin/web.ts.
import { handleAdmin } from '../../src/admin/web.ts';

export const GET = handleAdmin;
export const POST = handleAdmin;
