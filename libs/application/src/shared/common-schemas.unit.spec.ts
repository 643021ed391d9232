import fc from 'fast-check';
import { isoInstant } from './common-schemas.js';

const accepted = (text: string) => {
  const parsed = isoInstant.safeParse(text);
  return parsed.success ? parsed.data : null;
};

describe('isoInstant', () => {
  it('keeps a UTC instant with three fractional digits exactly when it names a real moment (Date writes it back unchanged)', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const stamp = fc
      .tuple(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
      )
      .map(
        ([y, mo, d, h, mi]) =>
          `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(59 - (mi % 60))}.${String(mi * 16).padStart(3, '0')}Z`,
      );
    fc.assert(
      fc.property(stamp, (text) => {
        const viaDate = new Date(text);
        const real = !Number.isNaN(viaDate.getTime()) && viaDate.toISOString() === text;
        expect(accepted(text)).toBe(real ? text : null);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['2024-02-29T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
    ['2026-09-01T08:30:00+02:00', '2026-09-01T06:30:00.000Z'],
    ['2026-09-01T08:30Z', '2026-09-01T08:30:00.000Z'],
    ['2026-09-01T08:30:00.123456789Z', '2026-09-01T08:30:00.123Z'],
    ['2026-12-31T23:30:00-0100', '2027-01-01T00:30:00.000Z'],
  ])('takes %s as %s', (text, stored) => {
    expect(accepted(text)).toBe(stored);
  });

  it.each([
    ['2026-02-30T08:30:00.000Z', 'Not a real date-time'], // Date alone would store 2026-03-02
    ['2026-02-29T08:30:00+02:00', 'Not a real date-time'],
    ['2026-04-31T08:30Z', 'Not a real date-time'],
    ['2026-09-01T24:00:00.000Z', 'Not a real date-time'],
    ['2026-09-01T08:30:00+24:00', 'Not a real date-time'],
    ['2026-09-01 08:30:00Z', 'An ISO-8601 date-time with a time zone, e.g. 2026-09-01T08:30:00.000Z'],
    ['2026-09-01T08:30:00', 'An ISO-8601 date-time with a time zone, e.g. 2026-09-01T08:30:00.000Z'],
  ])('refuses %s: %s', (text, message) => {
    const parsed = isoInstant.safeParse(text);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});
