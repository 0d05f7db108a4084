// The proposals page as a view: data in, HTML out, without a database.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderProposalsPage } from './proposal-page.ts';
import type { PublicProposal } from './proposals.ts';
import type { RoundRow } from './rounds.ts';

const principle = { slug: 'ligevaerd', number: 1, title: 'Ligeværd', wording: 'Alle parter mødes som ligestillede.', version: '1' };
const round: RoundRow = { id: 'r', title: 'Høring 2027', opens_on: '2027-01-04', closes_on: '2027-01-31', opened_by: 'x', created_at: new Date(), closed_at: null, closed_by: null };

function proposal(overrides: Partial<PublicProposal> = {}): PublicProposal {
  return {
    id: '6f1c0f3e-8f4a-4f43-9d55-0c7b1e2a9a10',
    kind: 'wording',
    wording: 'Alle parter mødes som ligeværdige.',
    based_on: principle.wording,
    reason: 'Et <b>bedre</b> ord.\n\nAnden linje.',
    author_name: null,
    author_organisation: null,
    published_at: new Date('2027-01-05T10:00:00Z'),
    round_title: null,
    supports: 3,
    answer: null,
    answer_outcome: null,
    answer_version: null,
    ...overrides,
  };
}

describe('the proposals page', () => {
  it('shows the wording as a word diff, escapes what the author wrote and names no one without consent', () => {
    const html = renderProposalsPage({ principle, round: { kind: 'none' }, proposals: [proposal()] });
    assert.match(html, /<del><span class="visually-hidden">Fjernet: <\/span>ligestillede<\/del>/);
    assert.match(html, /<ins><span class="visually-hidden">Tilføjet: <\/span>ligeværdige<\/ins>/);
    assert.match(html, /Et &lt;b&gt;bedre&lt;\/b&gt; ord\.<\/p><p>Anden linje\./);
    assert.match(html, /Fra en, der ikke ønsker sit navn vist/);
    assert.match(html, /3 støtter forslaget/);
    assert.match(html, /Behandles i næste høring/);
    assert.match(html, /ingen høring lige nu/);
  });

  it('names the author with consent, shows the answer and the open round with its last day', () => {
    const html = renderProposalsPage({
      principle,
      round: { kind: 'open', round },
      proposals: [proposal({ author_name: 'Karen', author_organisation: 'Grønne Naboer', round_title: 'Høring 2027', answer: 'Tak.', answer_outcome: 'incorporated', answer_version: '2' })],
    });
    assert.match(html, /Fra Karen, Grønne Naboer/);
    assert.match(html, /Indarbejdet i version 2/);
    assert.match(html, /Der er høring nu: Høring 2027\. Forslag modtages til og med 31\. januar 2027\./);
    assert.match(html, /Del af høringen Høring 2027/);
  });

  it('says when there is nothing yet, and shows the form with the current wording to start from', () => {
    const html = renderProposalsPage({ principle, round: { kind: 'coming', round }, proposals: [] });
    assert.match(html, /ingen offentliggjorte forslag/);
    assert.match(html, /Næste høring, Høring 2027, begynder 4\. januar 2027/);
    assert.match(html, /<textarea class="input" id="wording" name="wording"[^>]*>Alle parter mødes som ligestillede\.<\/textarea>/);
  });
});
