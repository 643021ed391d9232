import { csvCell, FOLLOW_THROUGH_COLUMNS, REP_WORKLOAD_COLUMNS, toCsv } from './report-csv.js';

describe('report CSV (SPEC §4)', () => {
  it('writes the header, then one row per element with nested fields flattened and null as an empty cell', () => {
    const row = {
      staffId: 'C-1',
      name: 'Ann',
      skillLevel: 3,
      openCases: 2,
      weightedLoad: 7,
      oldestOpenAgeHours: null,
      byPriority: { low: 1, normal: 0, high: 1, urgent: 0 },
    };
    expect(toCsv(REP_WORKLOAD_COLUMNS, [row])).toBe(
      'staffId,name,skillLevel,openCases,weightedLoad,oldestOpenAgeHours,byPriority.low,byPriority.normal,byPriority.high,byPriority.urgent\n' +
        'C-1,Ann,3,2,7,,1,0,1,0\n',
    );
  });

  it('answers the header alone for an empty list', () => {
    expect(toCsv(['staffId', 'grants'], [])).toBe('staffId,grants\n');
  });

  it('flattens two levels deep for follow-through', () => {
    expect(FOLLOW_THROUGH_COLUMNS).toContain('cases.satisfaction.unhappyPct');
    expect(FOLLOW_THROUGH_COLUMNS).toContain('followUps.followThroughRate');
    expect(FOLLOW_THROUGH_COLUMNS).toHaveLength(1 + 6 + 10 + 6); // staffId, follow-ups, cases, satisfaction
  });

  it('quotes cells with commas, quotes or line breaks, and writes numbers and booleans plainly', () => {
    expect(csvCell('Lee, Casey')).toBe('"Lee, Casey"');
    expect(csvCell('the "best"')).toBe('"the ""best"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(undefined)).toBe('');
  });

  it('makes a text cell that would start a spreadsheet formula inert (OWASP CSV injection), numbers untouched', () => {
    expect(csvCell('=HYPERLINK("http://x","a")')).toBe(`"'=HYPERLINK(""http://x"",""a"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('Ann = Bob')).toBe('Ann = Bob');
  });
});
