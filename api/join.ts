// /bliv-medlem/ (rewritten here): the join page with the live member count and the form; the frame carries the form's script.
import { renderJoinPage } from '../src/membership/member-form.ts';
import { strings } from '../src/i18n/index.ts';
import { htmlPage } from '../src/platform/http/html-page.ts';
import { countCache, countlessCache, memberCountOrNothing } from '../src/membership/member-count.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';

export const GET = endpoint(async (): Promise<Response> => {
  const count = await memberCountOrNothing();
  return htmlPage({
    title: strings().joinForm.title,
    body: renderJoinPage({ count }),
    frame: 'skabelon/bliv-medlem',
    headers: { 'Cache-Control': count ? countCache : countlessCache },
  });
});
