// The wall's map as a view: the scale, the legend, the two municipality figures, and the SVG and table it draws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classOf, legend, municipalityCounts, municipalityTotals, renderMunicipalityTotals, renderWallMap, shadeBounds, stepOf } from './wall-map.ts';
import type { WallCounts } from './wall-queries.ts';
import type { MunicipalityMap } from '../data/municipality-map.ts';
import type { OrganisationType } from './signature-input.ts';
import { municipalities } from '../data/municipalities.ts';
import { strings } from '../i18n/index.ts';

/** Counts as the aggregate query gives them, from [type, municipality, number] rows. */
function countsOf(rows: [OrganisationType, string, number][]): WallCounts {
  const counts: WallCounts = { total: 0, byType: {}, byMunicipality: new Map(), kommunes: new Set() };
  for (const [type, municipality, n] of rows) {
    counts.total += n;
    counts.byType[type] = (counts.byType[type] ?? 0) + n;
    counts.byMunicipality.set(municipality, (counts.byMunicipality.get(municipality) ?? 0) + n);
    if (type === 'kommune') counts.kommunes.add(municipality);
  }
  return counts;
}

/** A map of all 98 as small squares: enough to see what the view does with each municipality. */
const squares: MunicipalityMap = {
  width: 600,
  height: 700,
  bornholmInset: { x: 500, y: 10, width: 80, height: 60 },
  municipalities: municipalities.map((m, i) => ({ code: m.code, name: m.name, d: `M${(i % 10) * 50} ${Math.floor(i / 10) * 50}l40 0 0 40-40 0z` })),
};

/** Each municipality's link on the map: its class, href and title. */
function shapesIn(html: string): Map<string, { className: string; href: string; title: string }> {
  const svg = html.slice(html.indexOf('<svg class="municipality-map"'), html.indexOf('</svg>', html.indexOf('<svg class="municipality-map"')));
  const shapes = new Map<string, { className: string; href: string; title: string }>();
  for (const [, href, className, title] of svg.matchAll(/<a href="([^"]+)" class="([^"]+)"(?: aria-current="page")?><title>([^<]+)<\/title><path d="[^"]+"\/><\/a>/g)) {
    shapes.set(title!.split(':')[0]!, { className: className!, href: href!, title: title! });
  }
  return shapes;
}

test('the scale starts at 1, so "none yet" stands alone, and grows in steps a reader can take in', () => {
  assert.deepEqual(shadeBounds(0), []);
  assert.deepEqual(shadeBounds(1), [1]);
  assert.deepEqual(shadeBounds(3), [1, 2, 3]);
  assert.deepEqual(shadeBounds(7), [1, 2, 3, 5]);
  assert.deepEqual(shadeBounds(120), [1, 2, 5, 10, 30]);
  assert.deepEqual(shadeBounds(100_000), [1, 10, 100, 1000, 10_000]);
});

test('every count from 0 to the largest falls in exactly one class, and the classes only grow', () => {
  for (const max of [1, 2, 4, 9, 37, 120, 2500, 100_000]) {
    const bounds = shadeBounds(max);
    assert.ok(bounds.length <= 5, `${max}: ${bounds}`);
    assert.deepEqual(bounds, [...new Set(bounds)].sort((a, b) => a - b));
    const entries = legend(bounds, max);
    assert.deepEqual(entries[0], { step: 0, from: 0, to: 0 });
    // The legend's ranges follow on from each other up to the largest count.
    for (let i = 1; i < entries.length; i++) assert.equal(entries[i]!.from, entries[i - 1]!.to + 1, `${max}: ${JSON.stringify(entries)}`);
    assert.equal(entries.at(-1)!.to, max);
    for (const n of [0, 1, Math.ceil(max / 2), max]) {
      const entry = entries.find((e) => n >= e.from && n <= e.to)!;
      assert.equal(stepOf(classOf(n, bounds), bounds.length), entry.step, `${n} of ${max}`);
    }
    assert.equal(stepOf(classOf(max, bounds), bounds.length), 5, 'the largest is always the darkest');
  }
});

test('"x af 98 kommuner har skrevet under" counts kommuner that signed; the second figure counts any signatory', () => {
  const counts = countsOf([
    ['kommune', 'Aarhus', 1],
    ['forening', 'Aarhus', 4],
    ['forening', 'Kolding', 2],
    ['virksomhed', 'Hele landet', 3],
  ]);
  assert.deepEqual(municipalityTotals(counts), { kommunesSigned: 1, withSignatories: 2 });
  const html = renderMunicipalityTotals(counts);
  assert.match(html, /<strong id="antal-kommuner">1 af 98 kommuner<\/strong> har skrevet under\./);
  assert.match(html, /Der er underskrivere i <strong id="underskriver-kommuner">2 af 98 kommuner<\/strong>\./);
});

test('shades each municipality by its count, links it to the wall filtered to it and names it in a title', () => {
  const counts = countsOf([
    ['forening', 'Aarhus', 120],
    ['forening', 'Kolding', 1],
    ['kommune', 'Kolding', 1],
    ['forening', 'Læsø', 7],
  ]);
  const shapes = shapesIn(renderWallMap(squares, counts));
  assert.equal(shapes.size, 98);
  assert.deepEqual(shapes.get('Aarhus'), { className: 'shade-5', href: '/underskrivere/?kommune=Aarhus#liste', title: 'Aarhus: 120 underskrivere' });
  assert.deepEqual(shapes.get('Kolding'), {
    className: 'shade-2 kommune',
    href: '/underskrivere/?kommune=Kolding#liste',
    title: 'Kolding: 2 underskrivere. Kommunen har selv skrevet under',
  });
  assert.equal(shapes.get('Læsø')?.className, 'shade-3');
  assert.equal(shapes.get('Køge')?.title, 'Køge: ingen underskrivere endnu');
  assert.equal(shapes.get('Køge')?.className, 'shade-0');
  assert.equal(shapes.get('Høje-Taastrup')?.href, '/underskrivere/?kommune=H%C3%B8je-Taastrup#liste');
});

test('the kommuner that signed come last, so their edge is drawn on top', () => {
  const counts = countsOf([['kommune', 'Albertslund', 1]]);
  const names = [...shapesIn(renderWallMap(squares, counts)).keys()];
  assert.equal(names.at(-1), 'Albertslund');
});

test('marks the municipality the wall is filtered to as the current page, drawn on top', () => {
  const html = renderWallMap(squares, countsOf([['kommune', 'Albertslund', 1]]), strings(), 'Vejle');
  assert.equal(html.match(/aria-current="page"/g)?.length, 1);
  assert.match(html, /<a href="\/underskrivere\/\?kommune=Vejle#liste" class="shade-0" aria-current="page"><title>Vejle: /);
  assert.equal([...shapesIn(html).keys()].at(-1), 'Vejle');
  assert.doesNotMatch(renderWallMap(squares, countsOf([])), /aria-current/);
});

test('the legend shows every class with its range, and the mark for a kommune that signed', () => {
  const counts = countsOf([['forening', 'Aarhus', 120]]);
  const html = renderWallMap(squares, counts);
  const legendHtml = html.slice(html.indexOf('<div class="map-legend">'), html.indexOf('</ul></div>'));
  const labels = [...legendHtml.matchAll(/<\/svg>([^<]+)<\/li>/g)].map((m) => m[1]);
  assert.deepEqual(labels, ['Ingen endnu', '1', '2–4', '5–9', '10–29', '30–120', 'Kommunen har selv skrevet under']);
  assert.match(legendHtml, /<p class="map-legend-title">Antal underskrivere<\/p>/);
  assert.match(legendHtml, /fill="url\(#kommune-\d\)"/);
  assert.match(html, /Kommunegrænser: Styrelsen for Dataforsyning og Infrastruktur \(DAGI\/FOT\)\./, 'the source is credited');
});

test('the table gives the same numbers as the map, for all 98, in Danish alphabetical order', () => {
  const counts = countsOf([
    ['forening', 'Aarhus', 3],
    ['kommune', 'Ærø', 1],
  ]);
  const html = renderWallMap(squares, counts);
  const rows = [...html.matchAll(/<tr><th scope="row"><a href="[^"]+">([^<]+)<\/a><\/th><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);
  assert.equal(rows.length, 98);
  assert.deepEqual(rows.find((r) => r[0] === 'Aarhus'), ['Aarhus', '3', 'Nej']);
  assert.deepEqual(rows.find((r) => r[0] === 'Ærø'), ['Ærø', '1', 'Ja']);
  const names = rows.map((r) => r[0]);
  assert.deepEqual(names.slice(-4), ['Ærø', 'Aabenraa', 'Aalborg', 'Aarhus'], 'æ and aa come last in Danish');
  const shapes = shapesIn(html);
  for (const [name, shown] of rows) {
    const expected = shown === '0' ? 'ingen underskrivere endnu' : shown === '1' ? '1 underskriver' : `${shown} underskrivere`;
    assert.ok(shapes.get(name!)?.title.startsWith(`${name}: ${expected}`), name);
  }
  assert.deepEqual(municipalityCounts(counts).length, 98);
});

test('mentions the nationwide signatories, who have no place on the map', () => {
  assert.match(renderWallMap(squares, countsOf([['virksomhed', 'Hele landet', 1200]])), /Desuden arbejder 1\.200 underskrivere i hele landet\./);
  assert.doesNotMatch(renderWallMap(squares, countsOf([])), /hele landet/);
});

test('draws the map the same size at 100,000 signatories as at 100: only the numbers grow', () => {
  const spread = (each: number) => countsOf(municipalities.map((m, i) => ['forening', m.name, each + (i % 7)] as [OrganisationType, string, number]));
  const small = renderWallMap(squares, spread(1));
  const large = renderWallMap(squares, spread(1020));
  assert.ok(large.length - small.length < 98 * 2 * 6, `${small.length} → ${large.length}`);
});

test('takes the language’s strings', () => {
  const html = renderWallMap(squares, countsOf([['kommune', 'Aarhus', 2]]), strings('en'));
  assert.match(html, /<title>Aarhus: 2 signatories\. The municipality itself has signed<\/title>/);
  assert.match(html, /Number of signatories/);
  assert.match(html, /Municipal boundaries: Danish Agency for Data Supply and Infrastructure/);
});
