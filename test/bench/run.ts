import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '#embedded-postgres';
import { apiBench } from './api/api.bench.js';
import { digestsBench } from './audit/digests.bench.js';
import { eventStoreBench } from './event-store/event-store.bench.js';
import { firstSortBench } from './projections/first-sort.js';
import { ingestBench } from './ingest/ingest.bench.js';
import { projectionsBench } from './projections/projections.bench.js';
import { machine, saveResults } from './support/results.js';

/**
 * `npm run bench -- [name…]`: each benchmark prints a table and writes JSON to bench-results/.
 * Every figure is the median of several runs after a warm-up; comparisons run in one process,
 * interleaved, so the machine's noise cancels in the ratios. BENCH_QUICK=1 shrinks everything.
 */
const quick = process.env.BENCH_QUICK === '1';
/** A fresh embedded PostgreSQL (durable, as in production) for one benchmark. */
async function withServer<T>(work: (serverUrl: string) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'caseledger-bench-'));
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  try {
    return await work(server.url);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const benchmarks: Record<string, () => Promise<unknown>> = {
  'event-store': () =>
    withServer((serverUrl) =>
      eventStoreBench({
        serverUrl,
        runs: quick ? 1 : 3,
        secondsPerCell: quick ? 0.5 : 3,
        writers: [1, 8, 32],
        batchSizes: [1, 100],
      }),
    ),
  projections: () =>
    withServer((serverUrl) =>
      projectionsBench({ serverUrl, events: quick ? 50_000 : 1_000_000, runs: quick ? 1 : 3 }),
    ),
  /** The same backlog of open cases in logs of 1M and 5M events: the first sort's cost must not follow the log. */
  'first-sort': () =>
    withServer((serverUrl) =>
      firstSortBench({
        serverUrl,
        sizes: quick ? [20_000, 100_000] : [1_000_000, 5_000_000],
        openCases: quick ? 500 : 5_000,
        runs: quick ? 1 : 5,
      }),
    ),
  digests: () =>
    withServer((serverUrl) =>
      digestsBench({ serverUrl, events: quick ? 50_000 : 1_000_000, runs: quick ? 1 : 3 }),
    ),
  /** Needs a broker: `npm run kafka:start`. */
  ingest: () =>
    ingestBench({ runs: quick ? 1 : 3, events: quick ? 5_000 : 50_000, warmUpEvents: quick ? 1_000 : 5_000 }),
  /** Starts `npm start`'s server itself; BENCH_SERVER_NODE_FLAGS (e.g. "--cpu-prof") go to its node. */
  api: () =>
    apiBench({
      runs: quick ? 1 : 3,
      secondsPerRate: quick ? 1.5 : 10,
      rates: [250, 500, 1000],
      saturationConnections: [8, 64],
      /** POST /cases alone, with and without repeats: issue 21's measurement used 16 connections. */
      complaintConnections: 16,
      warmUpSeconds: quick ? 1 : 5,
      serverNodeFlags: process.env.BENCH_SERVER_NODE_FLAGS?.split(' ').filter(Boolean),
    }),
};

async function main() {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const selected = names.length > 0 ? names : Object.keys(benchmarks);
  for (const name of selected) {
    const bench = benchmarks[name];
    if (!bench) throw new Error(`No benchmark "${name}"; there are: ${Object.keys(benchmarks).join(', ')}`);
    console.log(`\n== ${name} ==`);
    const results = await bench();
    const file = await saveResults(name, { machine: machine(), results });
    console.log(`\nfigures written to ${file}`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
