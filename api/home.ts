// / (rewritten here): the home page, built by Astro as a frame, with the live member count and the number of
// organisations on the wall filled in; cached at the CDN.
import { renderMemberCount } from '../src/membership/member-form.ts';
import { htmlPage } from '../src/platform/http/html-page.ts';
import { countCache, countlessCache, memberCountOrNothing } from '../src/membership/member-count.ts';
import { listedSignatoryCountOrNothing, renderSignatoryCount } from '../src/signing/signatory-count.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';

export const GET = endpoint(async (): Promise<Response> => {
  const [count, signatories] = await Promise.all([memberCountOrNothing(), listedSignatoryCountOrNothing()]);
  const complete = count !== undefined && signatories !== undefined;
  return htmlPage({
    frame: 'skabelon/forside',
    body: renderSignatoryCount(signatories) + renderMemberCount(count),
    headers: { 'Cache-Control': complete ? countCache : countlessCache },
  });
});
