import pg from 'pg';
import { EVENT_ROW_TYPES, instantFromText } from './event-rows.js';

describe('instantFromText', () => {
  it.each([
    ['2026-09-01 08:30:00.123+00', '2026-09-01T08:30:00.123Z'],
    ['2026-09-01 08:30:00.12+00', '2026-09-01T08:30:00.120Z'],
    ['2026-09-01 08:30:00.1+00', '2026-09-01T08:30:00.100Z'],
    ['2026-09-01 08:30:00+00', '2026-09-01T08:30:00.000Z'],
    ['2026-09-01 08:30:00.123456+00', '2026-09-01T08:30:00.123Z'],
  ])('rewrites what a UTC session prints, %s, as the envelope writes it', (text, iso) => {
    expect(instantFromText(text)).toBe(iso);
  });

  it('takes any other offset through a Date, to the same instant in UTC', () => {
    expect(instantFromText('2026-09-01 10:30:00.5+02')).toBe('2026-09-01T08:30:00.500Z');
    expect(instantFromText('2026-09-01 03:00:00-05:30')).toBe('2026-09-01T08:30:00.000Z');
  });

  it('agrees with node-postgres and Date.toISOString over a year of milliseconds', () => {
    const parse = pg.types.getTypeParser(1184, 'text');
    for (let i = 0; i < 5_000; i++) {
      const instant = new Date(Date.UTC(2026, 0, 1) + i * 6_311_017 + (i % 1000)).toISOString();
      const printed = instant.replace('T', ' ').replace(/\.?0*Z$/, '+00');
      expect(instantFromText(printed)).toBe((parse(printed) as Date).toISOString());
    }
  });

  it('is the parser of timestamptz only', () => {
    expect(EVENT_ROW_TYPES.getTypeParser(1184, 'text')).toBe(instantFromText);
    expect(EVENT_ROW_TYPES.getTypeParser(20, 'text')).toBe(pg.types.getTypeParser(20, 'text'));
  });
});
