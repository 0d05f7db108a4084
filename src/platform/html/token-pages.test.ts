// Checks the pages behind mail links in both languages: the English page links the English pages, the Danish the Danish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTokenDone, renderTokenFailure, renderTokenForm, tokenActionTitle } from './token-pages.ts';
import { strings } from '../../i18n/index.ts';

const en = strings('en');

test('an English token page is in English and links to the English pages', () => {
  assert.equal(tokenActionTitle('confirm', en), en.tokenPages.confirm.title);
  assert.match(renderTokenForm('confirm', '/en/sign/confirm/', 'T', en), /action="\/en\/sign\/confirm\/"[\s\S]*Confirm the signature/);
  assert.match(renderTokenDone('confirm', 'Aarhus Borgerforening', en), /href="\/en\/signatories\/"/);
  assert.match(renderTokenFailure('withdraw', 'used', en), /href="\/en\/sign\/"[\s\S]*/);
  assert.match(renderTokenDone('member-confirm', 'Mette', en), /href="\/en\/charter\/"/);
  assert.match(renderTokenFailure('member-confirm', 'expired', en), /href="\/en\/join\/"/);
  assert.match(renderTokenDone('member-leave', '', en), /href="\/en\/"/);
});

test('a Danish token page links to the Danish pages, as before', () => {
  assert.match(renderTokenDone('confirm', 'Aarhus Borgerforening'), /href="\/underskrivere\/"/);
  assert.match(renderTokenFailure('confirm', 'used'), /href="\/underskriv\/"/);
  assert.match(renderTokenDone('member-confirm', 'Mette'), /href="\/charter\/"/);
  assert.match(renderTokenFailure('member-confirm', 'expired'), /href="\/bliv-medlem\/"/);
  assert.match(renderTokenDone('member-leave', ''), /href="\/"/);
});
