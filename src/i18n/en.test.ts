// The English strings mirror the Danish ones key for key, so no English page or mail falls back to a missing text.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { da } from './da.ts';
import { en } from './en.ts';
import { languageOf, languageOfPath, strings } from './index.ts';

/** Every key path in an object of strings, functions and lists. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key));
}

it('has exactly the keys of da.ts', () => {
  assert.deepEqual(keyPaths(en).sort(), keyPaths(da).sort());
});

it('writes the same kind of value under each key: text, list or function', () => {
  const kind = (v: unknown) => (Array.isArray(v) ? 'list' : typeof v);
  const get = (o: unknown, path: string) => path.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o);
  for (const path of keyPaths(da)) assert.equal(kind(get(en, path)), kind(get(da, path)), path);
});

it('picks the language from a stored value or a path, and falls back to Danish', () => {
  assert.equal(strings('en').lang, 'en');
  assert.equal(languageOf('en'), 'en');
  assert.equal(languageOf('fr'), 'da');
  assert.equal(languageOf(undefined), 'da');
  assert.equal(languageOfPath('/en/sign/'), 'en');
  assert.equal(languageOfPath('/energi/'), 'da');
});

it('takes a submitted language only when it is one of ours, not a name on every object such as "toString"', () => {
  assert.equal(languageOf('en'), 'en');
  assert.equal(languageOf('toString'), 'da');
  assert.equal(languageOf('__proto__'), 'da');
});
