import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, CanonicalJsonError } from '../../../../src/audit/canonical-json';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,2]},"b":1}');
  });

  it('orders keys by UTF-16 code units, as RFC 8785 prescribes', () => {
    // '\u20ac' (euro) sorts before '\ud83d\ude00' (an emoji's high surrogate) and after 'z'.
    expect(canonicalJson({ '\ud83d\ude00': 3, '\u20ac': 2, z: 1 })).toBe('{"z":1,"\u20ac":2,"\ud83d\ude00":3}');
  });

  it('writes numbers in their shortest round-trip form, and -0 as 0', () => {
    expect(canonicalJson([1.0, 0.1, 1e21, 1e-7, -0, 0.1 + 0.2])).toBe('[1,0.1,1e+21,1e-7,0,0.30000000000000004]');
  });

  it('gives the same text for the same record whatever order its fields were set in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });

  it('parses back to the same value as JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('leaves out undefined object members, so an absent optional field hashes the same', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it.each([
    ['NaN', { value: [1, Number.NaN] }, 'value.1', 'audit.canonical.notFinite'],
    ['Infinity', { value: Number.POSITIVE_INFINITY }, 'value', 'audit.canonical.notFinite'],
    ['undefined inside an array', { list: [1, undefined] }, 'list.1', 'audit.canonical.undefined'],
    ['a Date', { when: new Date(0) }, 'when', 'audit.canonical.unsupported'],
    ['a bigint', { n: 1n }, 'n', 'audit.canonical.unsupported'],
  ])('rejects %s with its path', (_label, value, path, code) => {
    let caught: unknown;
    try {
      canonicalJson(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CanonicalJsonError);
    expect((caught as CanonicalJsonError).path).toBe(path);
    expect((caught as CanonicalJsonError).code).toBe(code);
  });
});

describe('canonicalJson strings', () => {
  it('escapes strings exactly as JSON.stringify does, quotes, controls and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(canonicalJson(text)).toBe(JSON.stringify(text));
      }),
    );
    expect(canonicalJson('a"b\\c\n\u0001\ud800')).toBe(JSON.stringify('a"b\\c\n\u0001\ud800'));
  });
});
