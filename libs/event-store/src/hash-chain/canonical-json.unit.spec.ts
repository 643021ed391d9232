import fc from 'fast-check';
import { canonicalJson, serializedByHand } from './canonical-json.js';

// Expected strings are RFC 8785's own examples (§3.2.2, §3.2.3, Appendix B), not output of this code.
describe('canonicalJson (RFC 8785)', () => {
  it('writes the RFC §3.2.2 sample: members sorted, numbers and strings as ECMAScript prints them', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts members by UTF-16 code units, non-ASCII and surrogate pairs included (RFC §3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it.each([
    [1e21, '1e+21'],
    [1e20, '100000000000000000000'],
    [1.5e-7, '1.5e-7'],
    [0.000001, '0.000001'],
    [-0, '0'],
    [9007199254740991, '9007199254740991'],
    [295147905179352830000, '295147905179352830000'],
    [5e-324, '5e-324'],
    [-1.7976931348623157e308, '-1.7976931348623157e+308'],
  ])('writes the number %p as %s (RFC Appendix B)', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('escapes control characters, quotes and backslashes, and leaves other characters as they are', () => {
    expect(canonicalJson('\u0000\b\t\n\f\r\u001f"\\/\u007f\u2028é')).toBe(
      '"\\u0000\\b\\t\\n\\f\\r\\u001f\\"\\\\/\u007f\u2028é"',
    );
  });

  it('nests objects and arrays without whitespace, keeping array order', () => {
    expect(canonicalJson({ z: { b: [3, { y: 1, x: 2 }], a: {} }, a: [] })).toBe(
      '{"a":[],"z":{"a":{},"b":[3,{"x":2,"y":1}]}}',
    );
  });

  it('skips undefined members and writes null for undefined array slots, like JSON.stringify', () => {
    expect(canonicalJson({ b: undefined, a: 1, c: [undefined, () => 1] })).toBe('{"a":1,"c":[null,null]}');
  });

  it('uses toJSON, so a Date is hashed as the ISO string the store keeps', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 8, 1, 8, 30)) })).toBe(
      '{"at":"2026-09-01T08:30:00.000Z"}',
    );
  });

  it('refuses values I-JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  describe('the native path for values already in canonical order', () => {
    // Objects rebuilt with their members inserted in canonical order: the case the native path serves.
    const inOrder = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(inOrder);
      if (value === null || typeof value !== 'object') return value;
      // fromEntries defines members: a `__proto__` key stays a member instead of setting the prototype.
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, inOrder((value as Record<string, unknown>)[key])]),
      );
    };

    it('writes what the member-by-member path writes, for any JSON value, reordered or not', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          expect(canonicalJson(value)).toBe(serializedByHand(value));
          expect(canonicalJson(inOrder(value))).toBe(serializedByHand(value));
        }),
        { numRuns: 2_000 },
      );
    });

    it('is not fooled by integer-like keys, which objects list first whatever their text order', () => {
      expect(canonicalJson({ 10: 'a', 9: 'b', x: -0 })).toBe('{"10":"a","9":"b","x":0}');
      expect(canonicalJson({ a: 1, b: { d: 1, c: 2 } })).toBe('{"a":1,"b":{"c":2,"d":1}}');
      expect(canonicalJson({ a: new Date(Date.UTC(2026, 8, 1)), b: [Number.MAX_VALUE] })).toBe(
        '{"a":"2026-09-01T00:00:00.000Z","b":[1.7976931348623157e+308]}',
      );
      expect(() => canonicalJson({ a: 1, b: Number.NaN })).toThrow(TypeError);
      expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":2}}'))).toBe('{"__proto__":{"x":2},"b":1}');
    });
  });
});
