import { startTestPostgres } from '../../support/embedded-postgres.js';
import type { RunningPostgres } from '#embedded-postgres';
import { eventStoreBench } from './event-store.bench.js';

/** The benchmark in miniature, so `npm run bench` cannot rot between full runs. */
describe('event-store benchmark (smoke)', () => {
  let postgres: RunningPostgres;
  beforeAll(async () => {
    postgres = await startTestPostgres();
  }, 60_000);
  afterAll(() => postgres.stop());

  it('measures every contender in every cell and prints the table', async () => {
    const lines: string[] = [];
    const result = await eventStoreBench({
      serverUrl: postgres.url,
      runs: 1,
      secondsPerCell: 0.2,
      writers: [2],
      batchSizes: [1, 10],
      log: (l) => lines.push(l),
    });
    expect(result.cells.map((c) => `${c.contender}/${c.batch}/${c.writers}`).sort()).toEqual([
      'caseledger/1/2',
      'caseledger/10/2',
      'emmett/1/2',
      'emmett/10/2',
      'raw INSERT/1/2',
      'raw INSERT/10/2',
    ]);
    for (const cell of result.cells) expect(cell.eventsPerSecond.median).toBeGreaterThan(0);
    expect(Object.keys(result.contention).sort()).toEqual(['caseledger', 'emmett']);
    expect(lines.join('\n')).toMatch(/÷ emmett/);
  }, 60_000);
});
