// Generated payloads for the fuzzer: an endpoint's own fields with good and bad values (wrong types, huge strings, Unicode,
// control characters, deep nesting), prototype-pollution keys and unknown fields, and how each is put on the wire.
import fc from 'fast-check';
import type { Encoding, FuzzEndpoint } from './endpoints.ts';

/** Keys that reach Object.prototype when code merges input carelessly, and names of its methods. */
export const pollutionKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isAdmin'] as const;

/** Nested arrays and objects, `depth` levels deep. */
function nest(depth: number, object: boolean): unknown {
  let value: unknown = 'bund';
  for (let i = 0; i < depth; i++) value = object ? { a: value } : [value];
  return value;
}

const awkwardText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'nul\u0000midt i',
  'klokke\u0007 og escape\u001b[31m',
  '\r\n\r\n',
  '\u202eomvendt',
  '\ufeffBOM',
  '\ud800',
  'ÆØÅ æøå',
  '💥🇩🇰👩🏽‍💻',
  'Z̷̢͓̈́a̵͍̎l̶̡̛g̸o',
  '<script>alert(1)</script>',
  "'; DROP TABLE signatures; --",
  '${7*7}{{7*7}}',
  '%00%ff%',
  '{"__proto__":{"isAdmin":true}}',
  '12345678',
  'DK 12 34 56 78',
  'x@y',
);

/** Values of every kind, most of them wrong for the field they land in. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 3, arbitrary: awkwardText },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'ø', '€', '😀', '\u0000'), minLength: 500, maxLength: 4000 }) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt().map(String), fc.constant(-0)) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.object({ maxDepth: 2, maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 10, max: 2000 }), fc.boolean()).map(([depth, object]) => nest(depth, object)) },
);

export interface Payload {
  encoding: Encoding;
  /** Keys in order; `__proto__` is an own key here, never the prototype. */
  entries: [string, unknown][];
}

/** A payload for `endpoint`: each of its fields left out, good or bad, plus pollution keys and unknown fields. */
export function payloadFor(endpoint: FuzzEndpoint): fc.Arbitrary<Payload> {
  const fields = Object.entries(endpoint.fields).map(([name, good]) =>
    fc.option(fc.oneof({ weight: 2, arbitrary: good }, { weight: 1, arbitrary: badValue }), { nil: undefined, freq: 5 }).map((value) => [name, value] as const),
  );
  const extras = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...pollutionKeys), fc.string({ maxLength: 12 })), badValue), { maxLength: 3 });
  return fc
    .tuple(fc.constantFrom(...endpoint.encodings), fc.tuple(...fields), extras)
    .map(([encoding, chosen, extra]) => ({
      encoding,
      entries: [...chosen.filter(([, value]) => value !== undefined).map(([k, v]) => [k, v] as [string, unknown]), ...extra],
    }));
}

/** The JSON text of a payload, with every key as an own property. */
export function asJson(payload: Payload): string {
  const object: Record<string, unknown> = {};
  for (const [key, value] of payload.entries) Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });
  return JSON.stringify(object, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
}

/** Form or query encoding: strings as they are, arrays as repeated keys, anything else as its JSON. */
export function asSearchParams(payload: Payload): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of payload.entries) {
    for (const item of Array.isArray(value) && value.length < 10 ? value : [value]) {
      params.append(key, typeof item === 'string' ? item : JSON.stringify(item) ?? String(item));
    }
  }
  return params;
}
