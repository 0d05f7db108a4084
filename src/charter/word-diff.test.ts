import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { hasChanges, wordDiff, wordDiffHtml, wordDiffText, type DiffPart } from './word-diff.ts';

const labels = { added: 'tilføjet', removed: 'fjernet' };
const join = (parts: DiffPart[], kind: 'added' | 'removed') => parts.filter((p) => p.kind === 'same' || p.kind === kind).map((p) => p.text).join('');

describe('wordDiff', () => {
  test('an unchanged text is one same part', () => {
    assert.deepEqual(wordDiff('Ingen sidder for bordenden.', 'Ingen sidder for bordenden.'), [{ kind: 'same', text: 'Ingen sidder for bordenden.' }]);
    assert.equal(hasChanges(wordDiff('a b', 'a b')), false);
  });

  test('a replaced word is shown as the old word removed and the new word added, with the spaces kept', () => {
    assert.deepEqual(wordDiff('Alle parter mødes som ligeværdige.', 'Alle parter mødes som ligemænd.'), [
      { kind: 'same', text: 'Alle parter mødes som ' },
      { kind: 'removed', text: 'ligeværdige' },
      { kind: 'added', text: 'ligemænd' },
      { kind: 'same', text: '.' },
    ]);
  });

  test('keeps æ, ø and å inside words rather than splitting on them', () => {
    assert.deepEqual(wordDiff('Fælles ejerskab på tværs', 'Fælles ansvar på tværs'), [
      { kind: 'same', text: 'Fælles ' },
      { kind: 'removed', text: 'ejerskab' },
      { kind: 'added', text: 'ansvar' },
      { kind: 'same', text: ' på tværs' },
    ]);
    assert.deepEqual(wordDiff('Ærlig snak', 'Åben snak'), [
      { kind: 'removed', text: 'Ærlig' },
      { kind: 'added', text: 'Åben' },
      { kind: 'same', text: ' snak' },
    ]);
  });

  test('a changed punctuation mark is its own change, and the words around it stay', () => {
    assert.deepEqual(wordDiff('Tal åbent, før det går galt.', 'Tal åbent; før det går galt!'), [
      { kind: 'same', text: 'Tal åbent' },
      { kind: 'removed', text: ',' },
      { kind: 'added', text: ';' },
      { kind: 'same', text: ' før det går galt' },
      { kind: 'removed', text: '.' },
      { kind: 'added', text: '!' },
    ]);
  });

  test('two neighbouring changed words read as one change, not interleaved', () => {
    assert.deepEqual(wordDiff('Byg lokale mødesteder nu', 'Byg stærke netværk nu'), [
      { kind: 'same', text: 'Byg ' },
      { kind: 'removed', text: 'lokale mødesteder' },
      { kind: 'added', text: 'stærke netværk' },
      { kind: 'same', text: ' nu' },
    ]);
  });

  test('added and removed sentences at the start and end', () => {
    assert.deepEqual(wordDiff('Ét.', 'Nyt. Ét.'), [
      { kind: 'added', text: 'Nyt. ' },
      { kind: 'same', text: 'Ét.' },
    ]);
    assert.deepEqual(wordDiff('Ét. To.', 'Ét.'), [
      { kind: 'same', text: 'Ét.' },
      { kind: 'removed', text: ' To.' },
    ]);
    assert.deepEqual(wordDiff('', 'Helt ny'), [{ kind: 'added', text: 'Helt ny' }]);
    assert.deepEqual(wordDiff('Væk', ''), [{ kind: 'removed', text: 'Væk' }]);
    assert.deepEqual(wordDiff('', ''), []);
  });

  test('a hyphenated word is one word', () => {
    assert.deepEqual(wordDiff('et tids-begrænset forsøg', 'et tidsbegrænset forsøg'), [
      { kind: 'same', text: 'et ' },
      { kind: 'removed', text: 'tids-begrænset' },
      { kind: 'added', text: 'tidsbegrænset' },
      { kind: 'same', text: ' forsøg' },
    ]);
  });

  test('the same and removed parts always give back the old text, the same and added parts the new', () => {
    const word = fc.constantFrom('samskabelse', 'ligeværd', 'på', 'tværs', 'ø', 'å', 'Æble', 'og', ',', '.', ' ', '  ', '\n', '»', '«', '–', '3');
    const text = fc.array(word, { maxLength: 30 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = wordDiff(before, after);
        assert.equal(join(parts, 'removed'), before);
        assert.equal(join(parts, 'added'), after);
        assert.ok(parts.every((p) => p.text.length > 0));
        // No two neighbours of the same kind: each run is merged.
        assert.ok(parts.every((p, i) => i === 0 || parts[i - 1]!.kind !== p.kind));
      }),
      { numRuns: 500 },
    );
  });

  test('a very long text still gives a correct, if coarse, diff', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `ord${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `nyt${i}`).join(' ');
    const parts = wordDiff(before, after);
    assert.equal(join(parts, 'removed'), before);
    assert.equal(join(parts, 'added'), after);
  });
});

describe('wordDiffHtml', () => {
  test('marks removed words with <del> and added words with <ins>, each with a label for screen readers', () => {
    const html = wordDiffHtml(wordDiff('Alle er lige.', 'Alle er ligeværdige.'), labels);
    assert.equal(
      html,
      'Alle er <del><span class="visually-hidden">fjernet: </span>lige</del><ins><span class="visually-hidden">tilføjet: </span>ligeværdige</ins>.',
    );
  });

  test('escapes the text, so a proposed wording cannot inject markup', () => {
    const html = wordDiffHtml(wordDiff('a', '<script>alert("x")</script> & a'), labels);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; /);
  });

  test('escapes the labels too', () => {
    assert.match(wordDiffHtml([{ kind: 'added', text: 'x' }], { added: '<b>', removed: 'r' }), /&lt;b&gt;: /);
  });
});

describe('wordDiffText', () => {
  test('writes removed words as [-…-] and added words as {+…+} for a plain-text mail', () => {
    assert.equal(wordDiffText(wordDiff('Tal åbent om det.', 'Tal ærligt om det.')), 'Tal [-åbent-]{+ærligt+} om det.');
  });
});
