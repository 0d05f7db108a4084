// /admin/… (rewritten here): the secretariat's web admin. The routes, sessions and CSRF checks live in src/admin/web.ts.
import { handleAdmin } from '../../src/admin/web.ts';
import { endpoint } from '../../src/platform/http/endpoint.ts';

export const GET = endpoint(handleAdmin);
export const POST = endpoint(handleAdmin);
