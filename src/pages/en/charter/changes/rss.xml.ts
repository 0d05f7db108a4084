// The English feed of adopted charter versions.
import type { APIContext } from 'astro';
import { charterChangesFeed } from '../../../../charter/charter-feed.ts';

export const GET = (context: APIContext) => charterChangesFeed(context, 'en');
