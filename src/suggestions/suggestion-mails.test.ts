// Checks the receipt to someone who suggested a case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSuggestionMail } from './suggestion-mails.ts';

const site = 'https://samskabelse.test';
const render = (_name: 'case-suggestion-received') => renderSuggestionMail('case-suggestion-received', { site, name: 'Mette Jensen', title: 'Fælles <b>have</b> i Vollsmose' });

test('the suggestion receipt names the suggested case, escaped, and promises nothing public about the suggester', () => {
  const mail = render('case-suggestion-received');
  assert.equal(mail.subject, 'Tak for dit forslag til en case');
  assert.match(mail.text, /foreslået casen »Fælles <b>have<\/b> i Vollsmose«/);
  assert.match(mail.html, /»Fælles &lt;b&gt;have&lt;\/b&gt; i Vollsmose«/);
  assert.match(mail.text, /Dit navn og din e-mail bliver ikke vist offentligt\./);
  assert.ok(mail.text.includes(`${site}/cases/`));
});

test('the English receipt links the English case library', async () => {
  const { strings } = await import('../i18n/index.ts');
  const mail = renderSuggestionMail('case-suggestion-received', { site, name: 'Mette Jensen', title: 'A garden' }, strings('en'));
  assert.ok(mail.text.includes(`${site}/en/cases/`), mail.text);
});
