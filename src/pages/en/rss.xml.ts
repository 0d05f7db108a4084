// The English RSS feed: the cases that are translated into English.
import type { APIContext } from 'astro';
import { caseFeed } from '../../catalog/case-feed.ts';

export const GET = (context: APIContext) => caseFeed(context, 'en');
