// LIX as Danish writers count it, and the goal each kind of page is held to.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lix, lixGoal } from './lix.ts';

describe('LIX', () => {
  it('adds words per sentence to the percentage of words longer than six letters', () => {
    // 10 words, 2 sentences, 2 long words (kommunen, samarbejde): 10/2 + 2*100/10 = 25.
    assert.equal(lix(['Vi mødes i kommunen. Det er godt samarbejde for os.']), 25);
  });

  it('counts a heading or list item without a full stop as one sentence', () => {
    // 6 words, 2 sentences, 2 long words (Borgere, kommunen): 6/2 + 2*100/6 = 36.
    assert.equal(lix(['Hvem var med', 'Borgere og kommunen.']), 36);
  });

  it('scores long sentences of long words high', () => {
    assert.ok(lix(['Samskabelsesbevægelsen understøtter kommunernes bestræbelser på innovative borgerinddragelsesprocesser gennem tværsektorielle partnerskaber og ligeværdige relationer mellem myndigheder og civilsamfundsorganisationer']) ! > 60);
  });

  it('has nothing to say about a page without words', () => {
    assert.equal(lix([]), undefined);
  });

  it('holds the principles and the manifesto to 40, and cases and other pages to 45', () => {
    assert.equal(lixGoal('principles', 'ligevaerd'), 40);
    assert.equal(lixGoal('pages', 'manifest'), 40);
    assert.equal(lixGoal('pages', 'om'), 45);
    assert.equal(lixGoal('cases', 'seest'), 45);
  });
});
