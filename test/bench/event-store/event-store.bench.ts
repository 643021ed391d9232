import { randomUUID } from 'node:crypto';
import { createDatabase } from '#embedded-postgres';
import { fmt, percentile, spread, table, type Spread } from '../support/stats.js';
import { caseledger, emmett, rawInsert, type Contender } from './contenders.js';

export interface EventStoreBenchOptions {
  /** Superuser URL of an empty server (embedded or external). */
  serverUrl: string;
  runs: number;
  secondsPerCell: number;
  writers: number[];
  batchSizes: number[];
  log?: (line: string) => void;
}

interface Cell {
  contender: string;
  batch: number;
  writers: number;
  eventsPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
}

/** `writers` loops appending for `seconds`; events/s and per-append latencies. */
async function measure(contender: Contender, writers: number, batch: number, seconds: number) {
  const latencies: number[] = [];
  let events = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        await contender.appendToNewStream(batch);
        latencies.push(performance.now() - t);
        events += batch;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    eventsPerSecond: events / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** 8 writers appending to ONE stream at the revision each read, retrying conflicts. */
async function measureContention(contender: Contender, seconds: number) {
  const streamId = `case-${randomUUID()}`;
  let appended = 0;
  let attempts = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (performance.now() < deadline) {
        const tries = await contender.appendContended!(streamId);
        attempts += tries;
        appended++;
      }
    }),
  );
  return {
    eventsPerSecond: appended / ((performance.now() - started) / 1000),
    attemptsPerAppend: attempts / appended,
  };
}

/**
 * Caseledger's PostgreSQL adapter, Emmett's and a raw INSERT into an equivalent table, on the same
 * server, in the same process, interleaved cell by cell and run by run so machine noise falls on
 * all three alike and cancels in the ratios.
 */
export async function eventStoreBench(o: EventStoreBenchOptions) {
  const log = o.log ?? console.log;
  const poolSize = Math.max(...o.writers);
  const contenders = [
    await caseledger(await createDatabase(o.serverUrl, 'bench_caseledger'), poolSize),
    await emmett(await createDatabase(o.serverUrl, 'bench_emmett'), poolSize),
    await rawInsert(await createDatabase(o.serverUrl, 'bench_raw'), poolSize),
  ];
  try {
    for (const c of contenders) await measure(c, 4, 1, Math.min(1, o.secondsPerCell)); // warm-up
    const samples = new Map<string, { eps: number[]; p50: number[]; p99: number[] }>();
    const contention = new Map<string, { eps: number[]; attempts: number[] }>();
    for (let run = 1; run <= o.runs; run++) {
      for (const batch of o.batchSizes) {
        for (const writers of o.writers) {
          // Rotate who goes first, so no contender always meets a warmer or colder server.
          const order = contenders.map((_, i) => contenders[(i + run) % contenders.length]!);
          for (const c of order) {
            const m = await measure(c, writers, batch, o.secondsPerCell);
            const key = `${c.name}|${batch}|${writers}`;
            const s = samples.get(key) ?? { eps: [], p50: [], p99: [] };
            s.eps.push(m.eventsPerSecond);
            s.p50.push(m.p50);
            s.p99.push(m.p99);
            samples.set(key, s);
          }
        }
      }
      for (const c of contenders.filter((c) => c.appendContended)) {
        const m = await measureContention(c, o.secondsPerCell);
        const s = contention.get(c.name) ?? { eps: [], attempts: [] };
        s.eps.push(m.eventsPerSecond);
        s.attempts.push(m.attemptsPerAppend);
        contention.set(c.name, s);
      }
      log(`  run ${run}/${o.runs} done`);
    }
    const cells: Cell[] = [...samples].map(([key, s]) => {
      const [contender, batch, writers] = key.split('|');
      return {
        contender: contender!,
        batch: Number(batch),
        writers: Number(writers),
        eventsPerSecond: spread(s.eps),
        p50Ms: spread(s.p50),
        p99Ms: spread(s.p99),
      };
    });
    const find = (name: string, batch: number, writers: number) =>
      cells.find((c) => c.contender === name && c.batch === batch && c.writers === writers)!;
    const rows = [
      [
        'events per append',
        'writers',
        'contender',
        'events/s median',
        'min',
        'max',
        'p50 ms',
        'p99 ms',
        '÷ emmett',
        '÷ raw',
      ],
    ];
    for (const batch of o.batchSizes) {
      for (const writers of o.writers) {
        for (const c of contenders) {
          const cell = find(c.name, batch, writers);
          const ratio = (other: string) =>
            fmt(cell.eventsPerSecond.median / find(other, batch, writers).eventsPerSecond.median, 2);
          rows.push([
            String(batch),
            String(writers),
            c.name,
            fmt(cell.eventsPerSecond.median),
            fmt(cell.eventsPerSecond.min),
            fmt(cell.eventsPerSecond.max),
            fmt(cell.p50Ms.median, 2),
            fmt(cell.p99Ms.median, 2),
            c.name === 'caseledger' ? ratio('emmett') : '',
            c.name === 'caseledger' ? ratio('raw INSERT') : '',
          ]);
        }
      }
    }
    log(table(rows));
    const contentionRows = [
      ['8 writers, one stream', 'appends/s median', 'min', 'max', 'attempts per append'],
    ];
    for (const [name, s] of contention)
      contentionRows.push([
        name,
        fmt(spread(s.eps).median),
        fmt(spread(s.eps).min),
        fmt(spread(s.eps).max),
        fmt(spread(s.attempts).median, 2),
      ]);
    log(`\n${table(contentionRows)}`);
    return {
      cells,
      contention: Object.fromEntries(
        [...contention].map(([k, s]) => [
          k,
          { eventsPerSecond: spread(s.eps), attemptsPerAppend: spread(s.attempts) },
        ]),
      ),
    };
  } finally {
    for (const c of contenders) await c.close();
  }
}
