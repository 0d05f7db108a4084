// Checks the badge images: a signatory's with its name, escaped, and the neutral one that names nobody; and that every
// line of every size fits the badge by the conservative width table, for the longest names the form accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { badgeLayout, badgeSize, badgeSizes, badgeSvg, neutralBadgeLayout, neutralBadgeSvg, type BadgeLayout } from './badge.ts';
import { charWidth, fitText, textWidth, wrapText } from './badge-layout.ts';
import { strings } from '../i18n/index.ts';

/** The form's limit on an organisation's name. */
const longest = 200;

const names: Record<string, string> = {
  short: 'Roskilde Kommune',
  'the issue’s clipped one': 'Foreningen for Samskabelse og Lokal Udvikling i Region Sjælland · Roskilde Kommune',
  '200 × W': 'W'.repeat(longest),
  '200 × Æ with spaces': Array.from({ length: 40 }, () => 'ÆØÅÆ').join(' ').slice(0, longest),
  'one long unbroken word': 'Frivilligcenterforeningsbestyrelsessekretariatsmedarbejderforeningen'.repeat(3).slice(0, longest),
  'words of æøå': 'Søndergårdens Økologiske Højskoleforening for Ældre Ærøboere og Åbne Fællesskaber i Aabenraa, Ærøskøbing og Østerbro — Æblegårdens Venner af Samskabelse mellem Kommune, Forening og Borgere i Ørestad',
  'MW wide capitals': 'MWMW WMWM '.repeat(20).slice(0, longest),
  emoji: '🌱 Grønne Naboer 🌍 '.repeat(12).slice(0, longest),
};

/** Every line lies inside the badge: from the text column's left edge to the right padding, and its box within the height. */
function assertFits(box: BadgeLayout, label: string) {
  for (const line of box.lines) {
    const width = textWidth(line.text, line.fontSize);
    assert.ok(line.x + width <= box.width - 1, `${label}: "${line.text}" is ${width.toFixed(1)} px wide from x=${line.x} in a ${box.width} px badge`);
    assert.ok(width <= box.textWidth + 0.001, `${label}: "${line.text}" is wider than the text column`);
    assert.ok(line.y - line.fontSize * 0.95 >= 0, `${label}: "${line.text}" starts above the badge`);
    assert.ok(line.y + line.fontSize * 0.3 <= box.height, `${label}: "${line.text}" ends below the badge (y=${line.y}, height ${box.height})`);
  }
}

test('every line of the badge fits its width and height, for every size and the longest names', () => {
  for (const size of badgeSizes) {
    for (const [label, name] of Object.entries(names)) {
      const box = badgeLayout(name, size);
      assertFits(box, `${size}, ${label}`);
      assert.ok(box.lines.every((l) => l.fontSize >= 9), `${size}, ${label}: no line below 9 px`);
      // Nothing is dropped: the lines hold every character of the name (the spaces where lines break aside).
      const nameText = box.lines.slice(2).map((l) => l.text).join('').replace(/\s/g, '');
      assert.equal(nameText, name.trim().replace(/\s/g, ''), `${size}, ${label}: the name lost characters`);
    }
    assertFits(neutralBadgeLayout(size), `${size}, neutral`);
  }
});

test('a short name stays on one line at the largest type; a long one shrinks, then wraps, and the badge grows taller', () => {
  const short = badgeLayout(names.short!);
  const long = badgeLayout(names['200 × W']!);
  assert.equal(short.lines.length, 3);
  assert.equal(short.lines[2]!.fontSize, 14);
  assert.ok(long.lines[2]!.fontSize < 14);
  assert.ok(long.lines.length > 5);
  assert.ok(long.height > short.height);
  // The SVG's own size and viewBox follow the layout.
  const svg = badgeSvg(names['200 × W']!);
  assert.match(svg, new RegExp(`width="320" height="${long.height}" viewBox="0 0 320 ${long.height}"`));
});

test('the sizes are different widths, and an unknown size is the default', () => {
  const widths = badgeSizes.map((size) => badgeLayout('Roskilde Kommune', size).width);
  assert.deepEqual(widths, [...widths].sort((a, b) => a - b));
  assert.equal(new Set(widths).size, 3);
  assert.equal(badgeSize('large'), 'large');
  assert.equal(badgeSize('huge'), 'medium');
  assert.equal(badgeSize(null), 'medium');
});

test('the width table is conservative: wide letters count wide, and anything unknown counts wider still', () => {
  assert.ok(charWidth('W') >= 1.1 && charWidth('Æ') >= 1.08 && charWidth('m') >= 1.04);
  assert.ok(charWidth('i') < charWidth('a'));
  assert.ok(charWidth('中') >= 1.2 && charWidth('🌱') >= 1.2);
  assert.equal(charWidth('\u0301'), 0);
  assert.equal(textWidth('WW', 10), 2 * charWidth('W') * 10);
});

test('wrapping breaks at spaces, and a word too long for a line between its letters', () => {
  assert.deepEqual(wrapText('aa bb', 10, 100), ['aa bb']);
  assert.deepEqual(wrapText('aaaa bbbb', 10, 40), ['aaaa', 'bbbb']);
  const pieces = wrapText('a'.repeat(30), 10, 40);
  assert.ok(pieces.length > 1 && pieces.every((p) => textWidth(p, 10) <= 40));
  assert.equal(pieces.join(''), 'a'.repeat(30));
  // Too wide for one line at 14 and 13 px, so it shrinks to 12 rather than wrap; at the smallest size it wraps instead.
  assert.deepEqual(fitText('aaaa bbbb', 80, { largest: 14, smallest: 10, maxLines: 1 }), { fontSize: 12, lines: ['aaaa bbbb'] });
  assert.deepEqual(fitText('aaaa bbbb', 40, { largest: 14, smallest: 10, maxLines: 1 }), { fontSize: 10, lines: ['aaaa', 'bbbb'] });
});

test('the badge names the signatory, escaped, in an accessible SVG', () => {
  const svg = badgeSvg('Grønne <Naboer> & Co');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /role="img" aria-label="Grønne &lt;Naboer&gt; &amp; Co har underskrevet Charter for samskabelse"/);
  assert.ok(!svg.includes('<Naboer>'));
  assert.match(svg, />Grønne &lt;Naboer&gt; &amp; Co</);
  assert.match(svg, new RegExp(`>${strings().badge.signed}<`));
});

test('the neutral badge for an unknown or withdrawn signatory names the charter and no organisation', () => {
  for (const size of badgeSizes) {
    const svg = neutralBadgeSvg(size);
    assert.match(svg, /^<svg /);
    assert.match(svg, /aria-label="Charter for samskabelse"/);
    assert.doesNotMatch(svg, /underskrevet/);
  }
});
