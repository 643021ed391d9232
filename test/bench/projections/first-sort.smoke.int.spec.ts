import type { RunningPostgres } from '#embedded-postgres';
import { startTestPostgres } from '../../support/embedded-postgres.js';
import { firstSortBench } from './first-sort.js';

/** The benchmark in miniature, so `npm run bench -- first-sort` cannot rot between full runs. */
describe('first-sort benchmark (smoke)', () => {
  let postgres: RunningPostgres;
  beforeAll(async () => {
    postgres = await startTestPostgres();
  }, 60_000);
  afterAll(() => postgres.stop());

  it('measures each log size with the same backlog of open cases, and the seed agrees with the whole log', async () => {
    const lines: string[] = [];
    const figures = await firstSortBench({
      serverUrl: postgres.url,
      sizes: [3_000, 12_000],
      openCases: 40,
      runs: 2,
      log: (l) => lines.push(l),
    });
    expect(figures.map((f) => f.events >= 3_000)).toEqual([true, true]);
    expect(figures[1].events).toBeGreaterThanOrEqual(12_000);
    // The latest 40 cases of each generated part stay open; a short log may need a second part.
    for (const f of figures) {
      expect(f.openCases).toBeGreaterThanOrEqual(40);
      expect(f.openCases).toBeLessThanOrEqual(80);
      expect(f.cases).toBeGreaterThan(f.openCases * 5);
      expect(f.seededMs.median).toBeGreaterThan(0);
    }
    expect(lines.join('\n')).toMatch(/first sort after a restart/);
  }, 120_000);
});
