import { LiveWorkload } from '#application';
import { createDatabase } from '#embedded-postgres';
import { migrateEventStore, openPool, PostgresEventStore } from '#event-store';
import { migrateReadModels, readWorkloadSeed } from '#projections';
import { fmt, spread, table, type Spread } from '../support/stats.js';
import { catchUp, generate } from './projections.bench.js';

export interface FirstSortOptions {
  /** Superuser URL of a server with room for a new database per size. */
  serverUrl: string;
  /** Events in each generated log (at least this many). */
  sizes: number[];
  /** The department's backlog: cases open at the head of every log, whatever its size. */
  openCases: number;
  runs: number;
  log?: (line: string) => void;
}

export interface FirstSortFigures {
  events: number;
  /** Counted in `case_loads` after the catch-up. */
  openCases: number;
  cases: number;
  /** ms to the first workload a sort compares, from the read models' snapshot then the log (npm start). */
  seededMs: Spread;
  /** ms to the same workload folded from the log's first event (before issue 21), once: the baseline. */
  wholeLogMs: number;
}

/**
 * `npm run bench -- first-sort`: the first auto-assigning sort after a restart, which must cost the
 * open cases, not the log (issue 21, part 5). For each log size, with the same backlog of open
 * cases and the read models at the head (as after a deployment): what the workload its first sort
 * compares costs a new process (a new LiveWorkload each run), against folding the whole log. The
 * two must give the same loads; a difference fails the bench.
 */
export async function firstSortBench(options: FirstSortOptions): Promise<FirstSortFigures[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const figures: FirstSortFigures[] = [];
  for (const size of options.sizes) {
    const url = await createDatabase(options.serverUrl, `first_sort_bench_${size}_${Date.now()}`);
    await migrateEventStore(url);
    await migrateReadModels(url);
    const pool = openPool({ connectionString: url, max: 4 }, () => undefined);
    const store = new PostgresEventStore({ connection: { connectionString: url }, role: null, poolSize: 4 });
    try {
      let t = performance.now();
      const events = await generate(pool, size, options.openCases);
      const head = await store.headPosition();
      const generated = (performance.now() - t) / 1000;
      const caughtUp = await catchUp(store, pool, head, 5000);
      await pool.query('VACUUM ANALYZE'); // as autovacuum does in a running system
      const { rows } = await pool.query<{ open: string; all: string }>(
        `SELECT count(*) FILTER (WHERE open) AS open, count(*) AS all FROM read_models.case_loads`,
      );
      log(
        `${fmt(events)} events (${fmt(Number(rows[0].all))} cases, ${fmt(Number(rows[0].open))} open): generated in ${fmt(generated, 1)} s, projected in ${fmt(caughtUp, 1)} s`,
      );
      const seeded: number[] = [];
      let first: string | undefined;
      for (let run = 0; run < options.runs; run++) {
        t = performance.now();
        const entries = await new LiveWorkload(store, () => readWorkloadSeed(pool)).current();
        seeded.push(performance.now() - t);
        first ??= loads(entries);
      }
      t = performance.now();
      const wholeLog = await new LiveWorkload(store).current();
      const wholeLogMs = performance.now() - t;
      if (loads(wholeLog) !== first)
        throw new Error('the seeded workload differs from the fold of the whole log');
      figures.push({
        events,
        openCases: Number(rows[0].open),
        cases: Number(rows[0].all),
        seededMs: spread(seeded),
        wholeLogMs,
      });
    } finally {
      await store.close();
      await pool.end();
    }
  }
  log(
    `\n${table([
      [
        'first sort after a restart',
        'events',
        'cases',
        'open',
        'workload ms: median',
        'min',
        'max',
        'whole-log fold ms',
      ],
      ...figures.map((f) => [
        `${options.runs} runs`,
        fmt(f.events),
        fmt(f.cases),
        fmt(f.openCases),
        fmt(f.seededMs.median, 1),
        fmt(f.seededMs.min, 1),
        fmt(f.seededMs.max, 1),
        fmt(f.wholeLogMs),
      ]),
    ])}`,
  );
  return figures;
}

const loads = (entries: Awaited<ReturnType<LiveWorkload['current']>>) =>
  JSON.stringify([...entries].sort((a, b) => a.staffId.localeCompare(b.staffId)));
