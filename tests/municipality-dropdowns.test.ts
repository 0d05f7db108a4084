// Every list a person picks a municipality from is in Danish alphabetical order (æ, ø, å after z; "Aa" as å), with
// "Hele landet" first where it is offered: the signing form, the wall's filter, joining, suggesting a case, the admin.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { danishCollator, municipalityNames, municipalityNamesInDanishOrder } from '../src/data/municipalities.ts';
import { renderSignatureForm } from '../src/signing/signature-form.ts';
import { renderWall } from '../src/signing/signatory-wall.ts';
import { wholeCountry } from '../src/signing/signature-input.ts';
import type { MunicipalityMap } from '../src/data/municipality-map.ts';
import { renderJoinForm } from '../src/membership/member-form.ts';
import { renderSuggestionForm } from '../src/suggestions/suggestion-form.ts';
import { renderMemberList } from '../src/admin/views/member-list.ts';

/** The wall's map is beside the point here: no shapes. */
const emptyMap: MunicipalityMap = { width: 100, height: 100, bornholmInset: { x: 80, y: 0, width: 20, height: 20 }, municipalities: [] };

/** The option texts of the select named `name` in a piece of HTML, without the empty "choose" option. */
function options(html: string, name: string): string[] {
  const select = html.match(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`))?.[1];
  assert.ok(select, `no select named ${name}`);
  return [...select.matchAll(/<option(?: value="([^"]*)")?[^>]*>([^<]*)<\/option>/g)].filter((m) => m[1] !== '').map((m) => m[1] ?? m[2]!);
}

describe('the Danish order of municipalities', () => {
  test('puts Æ, Ø and Å after Z, and reads Aa as Å, as Intl.Collator("da") does', () => {
    const order = municipalityNamesInDanishOrder;
    assert.equal(order.length, 98);
    assert.deepEqual(new Set(order), new Set(municipalityNames));
    assert.deepEqual(order.slice(0, 4), ['Albertslund', 'Allerød', 'Assens', 'Ballerup']);
    // The end of the alphabet: V, then Æ, and the Aa-names as Å.
    assert.deepEqual(order.slice(-5), ['Vordingborg', 'Ærø', 'Aabenraa', 'Aalborg', 'Aarhus']);
    assert.ok(order.indexOf('Ærø') > order.indexOf('Vordingborg'));
    assert.ok(order.indexOf('Tønder') < order.indexOf('Tårnby'), 'ø before å inside a word too');
    for (let i = 1; i < order.length; i++) assert.ok(danishCollator.compare(order[i - 1]!, order[i]!) < 0, `${order[i - 1]} before ${order[i]}`);
  });
});

describe('the municipality dropdowns', () => {
  test('the signing form offers Hele landet first, then the 98 in Danish order, in both languages', () => {
    for (const lang of ['da', 'en'] as const) {
      const shown = options(renderSignatureForm({ lang }), 'municipality');
      assert.deepEqual(shown, [wholeCountry, ...municipalityNamesInDanishOrder], lang);
    }
  });

  test('the wall filter offers Hele landet first, then the 98 in Danish order', () => {
    const html = renderWall({ signatories: [], total: 0 }, { total: 0, byType: {}, byMunicipality: new Map(), kommunes: new Set() }, {}, emptyMap);
    assert.deepEqual(options(html, 'kommune'), [wholeCountry, ...municipalityNamesInDanishOrder]);
  });

  test('joining, suggesting a case and the admin member list show the 98 in Danish order, in every language', () => {
    for (const lang of ['da', 'en'] as const) {
      assert.deepEqual(options(renderJoinForm({ lang }), 'municipality'), municipalityNamesInDanishOrder, `join ${lang}`);
      assert.deepEqual(options(renderSuggestionForm({ lang }), 'municipality'), municipalityNamesInDanishOrder, `suggest ${lang}`);
    }
    const admin = renderMemberList({ email: 'a@b.dk', csrfToken: 'x', current: '/admin/medlemmer/' }, {}, []);
    assert.deepEqual(options(admin, 'kommune'), municipalityNamesInDanishOrder);
  });
});
