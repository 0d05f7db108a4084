// The Danish RSS feed of cases (the English one is /en/rss.xml).
import type { APIContext } from 'astro';
import { caseFeed } from '../catalog/case-feed.ts';

export const GET = (context: APIContext) => caseFeed(context, 'da');
