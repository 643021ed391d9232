import pg from 'pg';
import { migrateEventStore, PostgresEventStore, openPool } from '#event-store';
import { createDatabase } from '#embedded-postgres';
import {
  migrateReadModels,
  PROJECTIONS,
  ProjectionRunner,
  ProjectionStatus,
  rebuildProjections,
  describeTable,
} from '#projections';
import { bulkInsertLog } from '../../../libs/projections/test/bulk-insert-log.js';
import { generateDepartmentLog } from '../../../libs/projections/test/generated-log.js';
import { fmt, spread, table, type Spread } from '../support/stats.js';

export interface ProjectionsBenchOptions {
  /** Superuser URL of a server with room for a new database. */
  serverUrl: string;
  /** Events in the generated log (at least this many). */
  events: number;
  runs: number;
  batchSize?: number;
  log?: (line: string) => void;
}

export interface ProjectionsBenchResult {
  events: number;
  generateSeconds: number;
  catchUpEventsPerSecond: Spread;
  rebuildSeconds: Spread;
  rebuildEventsPerSecond: Spread;
}

/**
 * A realistic log (about 8.7 events per case) of at least `events` events, written straight into
 * the table. `openCases`: how many of each part's latest cases stay open (a fifth by default).
 */
export async function generate(pool: pg.Pool, events: number, openCases?: number): Promise<number> {
  const revisions = new Map<string, number>();
  let written = 0;
  for (let part = 1; written < events; part++) {
    const idPrefix = part.toString(16).padStart(4, '0');
    const cases = Math.ceil((events - written) / 8.5);
    written += await bulkInsertLog(
      pool,
      generateDepartmentLog({
        cases,
        seed: part,
        idPrefix,
        revisions,
        openCases: openCases && Math.min(openCases, cases),
      }),
      { chunk: 10_000 },
    );
  }
  return written;
}

async function resetReadModels(pool: pg.Pool): Promise<void> {
  const tables = PROJECTIONS.flatMap((p) =>
    p.tables.map((t) => `read_models.${describeTable(t.entity).table}`),
  );
  await pool.query(`TRUNCATE ${tables.join(', ')}`);
  await pool.query('UPDATE read_models.projection_checkpoints SET position = 0');
  await pool.query('VACUUM ANALYZE');
}

/** The live runner from position 0 to the head, as after a deployment on an existing log. */
export async function catchUp(
  store: PostgresEventStore,
  pool: pg.Pool,
  head: number,
  batchSize: number,
): Promise<number> {
  await resetReadModels(pool);
  const started = performance.now();
  const runner = new ProjectionRunner({ store, pool, batchSize, idlePollMs: 5 }).start();
  const reached = await new ProjectionStatus(pool, store).waitForPosition(head, 3_600_000, 20);
  const seconds = (performance.now() - started) / 1000;
  await runner.stop();
  if (!reached.reached) throw new Error(`catch-up stopped at ${reached.position} of ${head}`);
  return seconds;
}

/**
 * `npm run bench -- projections`: catch-up rate of the runner and the time of a full rebuild
 * (shadow tables, index build, swap) over a generated log. The log is written with multi-row
 * INSERTs and zero hashes: projections never read the hash chain, and this measures them, not appends.
 */
export async function projectionsBench(options: ProjectionsBenchOptions): Promise<ProjectionsBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const batchSize = options.batchSize ?? 5000;
  const url = await createDatabase(options.serverUrl, `projections_bench_${Date.now()}`);
  await migrateEventStore(url);
  await migrateReadModels(url);
  const pool = openPool({ connectionString: url, max: 4 }, () => undefined); // the server stops at the end
  const store = new PostgresEventStore({ connection: { connectionString: url }, role: null, poolSize: 4 });
  try {
    let t = performance.now();
    const events = await generate(pool, options.events);
    const generateSeconds = (performance.now() - t) / 1000;
    const head = await store.headPosition();
    log(`log: ${fmt(events)} events generated in ${fmt(generateSeconds, 1)} s`);
    const catchUps: number[] = [];
    const rebuilds: number[] = [];
    for (let run = 1; run <= options.runs; run++) {
      catchUps.push(await catchUp(store, pool, head, batchSize));
      t = performance.now();
      await rebuildProjections({ store, pool, batchSize });
      rebuilds.push((performance.now() - t) / 1000);
      log(
        `run ${run}: catch-up ${fmt(events / catchUps.at(-1)!)} events/s, rebuild ${fmt(rebuilds.at(-1)!, 1)} s`,
      );
    }
    const result = {
      events,
      generateSeconds,
      catchUpEventsPerSecond: spread(catchUps.map((s) => events / s)),
      rebuildSeconds: spread(rebuilds),
      rebuildEventsPerSecond: spread(rebuilds.map((s) => events / s)),
    };
    const row = (name: string, s: Spread, digits = 0) => [
      name,
      fmt(s.median, digits),
      fmt(s.min, digits),
      fmt(s.max, digits),
    ];
    log(
      `\n${table([
        [`projections over ${fmt(events)} events (${options.runs} runs)`, 'median', 'min', 'max'],
        row('catch-up, events/s (target ≥ 20 000)', result.catchUpEventsPerSecond),
        row('full rebuild, s (target ≤ 60 for 1M)', result.rebuildSeconds, 1),
        row('full rebuild, events/s', result.rebuildEventsPerSecond),
      ])}`,
    );
    return result;
  } finally {
    await store.close();
    await pool.end();
  }
}
