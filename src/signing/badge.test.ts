// Checks the badge images: a signatory's with its name, escaped, and the neutral one that names nobody.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { badgeSvg, neutralBadgeSvg } from './badge.ts';

test('the badge names the signatory, escaped, in an accessible SVG', () => {
  const svg = badgeSvg('Grønne <Naboer> & Co');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /role="img" aria-label="Grønne &lt;Naboer&gt; &amp; Co har underskrevet Charter for samskabelse"/);
  assert.ok(!svg.includes('<Naboer>'));
});

test('the neutral badge for an unknown or withdrawn signatory names the charter and no organisation', () => {
  const svg = neutralBadgeSvg();
  assert.match(svg, /^<svg /);
  assert.match(svg, /aria-label="Charter for samskabelse"/);
  assert.doesNotMatch(svg, /underskrevet/);
});
