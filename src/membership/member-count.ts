// The member count for public pages and the count endpoint: read within a time limit, and never the reason a page fails.
import { countMembers, type MemberCount } from './members.ts';
import { database } from '../platform/runtime.ts';

/** The count changes slowly and the pages are the same for everyone, so the CDN may keep them for a minute. */
export const countCache = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';
/** Without a count the page is still right, but should not be kept long: the number should come back soon. */
export const countlessCache = 'public, max-age=0, s-maxage=10';

/**
 * The confirmed members by kind, or undefined when the database does not answer within `timeoutMs` or fails:
 * the home page must render without the number rather than not at all.
 */
export async function memberCountOrNothing(timeoutMs = 2000): Promise<MemberCount | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([database().then(countMembers), giveUp]);
  } catch (error) {
    console.error('member count: the database did not answer; the page is shown without it.', error);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
