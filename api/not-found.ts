// /en/… that is neither a page nor a function (rewritten here, after everything else): the English 404 page, with
// status 404. Vercel's own 404 is the Danish /404.html; an English reader who mistypes an address gets it in English.
import { notFoundPage } from '../src/platform/http/html-page.ts';
import { languageOfPath } from '../src/i18n/index.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';

export const GET = endpoint(async (request: Request): Promise<Response> => notFoundPage(languageOfPath(new URL(request.url).pathname)));
