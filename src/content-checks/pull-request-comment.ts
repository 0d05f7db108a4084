// Keeps one comment with the content check's Danish report on a pull request that touches content/: found again by
// its hidden marker and updated on each push, so editors never get a pile of comments.
import { commentMarker } from './report.ts';

export interface CommentTarget {
  /** https://api.github.com, or a stand-in in tests. */
  apiUrl: string;
  token: string;
  /** owner/name */
  repository: string;
  pull: number;
}

export type CommentOutcome = 'content-untouched' | 'created' | 'updated' | 'unchanged' | 'nothing-to-say';

async function github<T>(target: CommentTarget, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${target.apiUrl.replace(/\/$/, '')}/repos/${target.repository}${path}`, {
    method,
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${target.token}`,
      'X-GitHub-Api-Version': '2022-11-28',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw Object.assign(new Error(`GitHub answered ${response.status} to ${method} ${path}: ${await response.text()}`), { status: response.status });
  return (await response.json()) as T;
}

/** Every item of a paginated list (100 a page). */
async function all<T>(target: CommentTarget, path: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const batch = await github<T[]>(target, 'GET', `${path}?per_page=100&page=${page}`);
    items.push(...batch);
    if (batch.length < 100) return items;
  }
}

/**
 * Writes `body` (which starts with the marker) as the checker's comment. A pull request that leaves content/ alone
 * gets none. An existing comment is updated, also to say that everything is now in order; a new one is made only
 * when there are problems to report.
 */
export async function upsertContentComment(target: CommentTarget, body: string, hasProblems: boolean): Promise<CommentOutcome> {
  const files = await all<{ filename: string; previous_filename?: string }>(target, `/pulls/${target.pull}/files`);
  const touches = files.some((f) => [f.filename, f.previous_filename].some((name) => name?.startsWith('content/')));
  if (!touches) return 'content-untouched';
  const comments = await all<{ id: number; body?: string }>(target, `/issues/${target.pull}/comments`);
  const existing = comments.find((c) => c.body?.startsWith(commentMarker));
  if (existing) {
    if (existing.body === body) return 'unchanged';
    await github(target, 'PATCH', `/issues/comments/${existing.id}`, { body });
    return 'updated';
  }
  if (!hasProblems) return 'nothing-to-say';
  await github(target, 'POST', `/issues/${target.pull}/comments`, { body });
  return 'created';
}
