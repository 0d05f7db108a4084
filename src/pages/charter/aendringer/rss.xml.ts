// The Danish feed of adopted charter versions (the English one is /en/charter/changes/rss.xml).
import type { APIContext } from 'astro';
import { charterChangesFeed } from '../../../charter/charter-feed.ts';

export const GET = (context: APIContext) => charterChangesFeed(context, 'da');
