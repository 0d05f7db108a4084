// The suggestion list says up front whether GitHub is set up, offers the pull request button only when it can work,
// and offers reject and archive with a reason on every pending suggestion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSuggestionList } from './suggestion-list.ts';
import type { SuggestionRow } from '../../suggestions/suggestions.ts';

const view = { email: 'admin@example.dk', csrfToken: 'csrf', current: '/admin/forslag/' };
const row = (overrides: Partial<SuggestionRow> = {}): SuggestionRow =>
  ({ id: '0b9c3f7e-1d2a-4c5b-8e6f-7a8b9c0d1e2f', title: 'Have <i>sammen</i>', municipality: 'Odense', status: 'pending', created_at: new Date(), suggester_name: 'Karen', suggester_email: 'k@example.dk', ...overrides }) as SuggestionRow;

test('with GitHub set up, it names the repository and offers the pull request button', () => {
  const html = renderSuggestionList(view, { status: 'pending', suggestions: [row()], github: { ready: true, repository: 'ejer/navn' } });
  assert.match(html, /GitHub er sat op: .*ejer\/navn/);
  assert.match(html, /Opret pull request<span class="visually-hidden"> for Have &lt;i&gt;sammen&lt;\/i&gt;<\/span>/);
  assert.match(html, /name="action" value="reject"/);
  assert.match(html, /name="action" value="archive"/);
});

test('without GitHub, it names the missing settings before anything is pressed, and offers only reject and archive', () => {
  const html = renderSuggestionList(view, { status: 'pending', suggestions: [row()], github: { ready: false, missing: ['GITHUB_TOKEN'] } });
  assert.match(html, /GitHub er ikke sat op.*<code>GITHUB_TOKEN<\/code>/);
  assert.doesNotMatch(html, /Opret pull request/);
  assert.match(html, /<textarea[^>]*name="reason"/);
});

test('a closed suggestion shows who closed it and why, and no buttons', () => {
  const html = renderSuggestionList(view, {
    status: 'rejected',
    suggestions: [row({ status: 'rejected', closed_by: 'admin@example.dk', closed_at: new Date(), close_reason: 'Ikke <b>samskabelse</b>' })],
    github: { ready: false, missing: [] },
  });
  assert.match(html, /Ikke &lt;b&gt;samskabelse&lt;\/b&gt;/);
  assert.match(html, /admin@example\.dk, /);
  assert.doesNotMatch(html, /<button type="submit" class="button secondary" name="action"/);
  assert.match(html, /aria-current="page">Afvist/);
});
