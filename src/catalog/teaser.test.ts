// Checks the library's teasers: whole words, an ellipsis only when something was cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { teaser } from './teaser.ts';

test('keeps a short summary as it is', () => {
  assert.equal(teaser('Borgere og kommune byggede sammen.', 140), 'Borgere og kommune byggede sammen.');
});

test('cuts a long summary after the last whole word that fits, without a trailing comma, and adds an ellipsis', () => {
  assert.equal(teaser('Seest blev genopbygget efter fyrværkeriulykken, og borgerne var med fra start.', 48), 'Seest blev genopbygget efter fyrværkeriulykken…');
  assert.ok(teaser('x '.repeat(200), 140).length <= 141);
});
