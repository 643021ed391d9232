import type pg from 'pg';
import { LiveWorkload } from '#application';
import type { PostgresEventStore } from '#event-store';
import { readWorkloadSeed } from '#projections';
import { spread, type Spread } from '../support/stats.js';

export interface FirstSortFigures {
  /** ms to the first workload a sort compares, from the read models' snapshot then the log (npm start). */
  seededMs: Spread;
  /** ms to the same workload folded from the log's first event (before issue 21): the baseline. */
  wholeLogMs: Spread;
}

/**
 * The first auto-assigning sort after a restart: what its workload costs a new process (a new
 * LiveWorkload each time), with the read models at the head of the log, against folding the log.
 * Both must give the same loads; a difference fails the bench.
 */
export async function firstSortAfterRestart(
  store: PostgresEventStore,
  pool: pg.Pool,
  runs: number,
): Promise<FirstSortFigures> {
  const seeded: number[] = [];
  const wholeLog: number[] = [];
  for (let run = 0; run < runs; run++) {
    let t = performance.now();
    const fromSeed = await new LiveWorkload(store, () => readWorkloadSeed(pool)).current();
    seeded.push(performance.now() - t);
    t = performance.now();
    const fromLog = await new LiveWorkload(store).current();
    wholeLog.push(performance.now() - t);
    const key = (entries: typeof fromLog) =>
      JSON.stringify([...entries].sort((a, b) => a.staffId.localeCompare(b.staffId)));
    if (key(fromSeed) !== key(fromLog))
      throw new Error('the seeded workload differs from the fold of the whole log');
  }
  return { seededMs: spread(seeded), wholeLogMs: spread(wholeLog) };
}
