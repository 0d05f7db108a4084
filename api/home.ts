// / (rewritten here): the home page, built by Astro as a frame, with the live member count filled in; cached at the CDN.
import { renderMemberCount } from '../src/membership/member-form.ts';
import { htmlPage } from '../src/platform/http/html-page.ts';
import { countCache, countlessCache, memberCountOrNothing } from '../src/membership/member-count.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';

export const GET = endpoint(async (): Promise<Response> => {
  const count = await memberCountOrNothing();
  return htmlPage({ frame: 'skabelon/forside', body: renderMemberCount(count), headers: { 'Cache-Control': count ? countCache : countlessCache } });
});
