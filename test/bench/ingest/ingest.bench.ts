import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { migrateEventStore, PostgresEventStore, openPool } from '#event-store';
import { createDatabase, startEmbeddedPostgres } from '#embedded-postgres';
import { startIngest, type RunningIngest } from '#messaging';
import { migrateReadModels, ReportQueries, startProjector } from '#projections';
import { deleteTopics, kafkaBrokers, kafkaClient, probeKafka } from '../../support/kafka/index.js';
import { runtimeLoginUrl } from '../../support/runtime-login.js';
import { fmt, spread, table, type Spread } from '../support/stats.js';

export interface IngestBenchOptions {
  runs: number;
  /** Order events per run (timed). */
  events: number;
  /** Order events ingested before the clock starts, in the same deployment (default 5,000; 0: cold). */
  warmUpEvents?: number;
  /** Partitions of the orders topic (the ingest appends that many side by side, up to 3). */
  partitions?: number;
  /** Messages per append (the ingest's chunk); default the ingest's own (1000). */
  chunkSize?: number;
  log?: (line: string) => void;
}

interface Run {
  /** Warm-up production start → its first event in the log, ms (null without a warm-up). */
  coldFirstAppendMs: number | null;
  producedPerSecond: number;
  appendedPerSecond: number;
  reportedPerSecond: number;
}

const PERIOD = {
  from: '2026-09-01T00:00:00.000Z',
  to: '2026-09-02T00:00:00.000Z',
  asOf: '2026-12-31T00:00:00.000Z',
};
/** The warm-up orders' day (upstream-producer.ts), outside PERIOD. */
const WARM_UP_PERIOD = {
  from: '2026-08-01T00:00:00.000Z',
  to: '2026-08-02T00:00:00.000Z',
  asOf: '2026-12-31T00:00:00.000Z',
};

/** Where the ingest runs: in `npm start`'s one process beside the projector, or as apps/ingest. */
export type IngestTopology = 'one process' | 'ingest process';
const TOPOLOGIES: IngestTopology[] = ['one process', 'ingest process'];

/**
 * Order events per second end to end on the real broker and a durable embedded PostgreSQL (fsync
 * on): produced on the orders topic → appended to the log by the ingest consumer → visible as net
 * sales in the goodwill report. Two deployments, interleaved run by run: the ingest and the
 * projector in one process (`npm start` with KAFKA_BROKERS), and the ingest as its own process
 * (`npm run start:ingest`, apps/ingest) with the projector here. The upstream producer always runs
 * in a child process, as it would be another system. The clock starts when production starts, so
 * the figures include the broker's latency. Each run has its own database and topic.
 *
 * A service that runs does so warm: each run first ingests `warmUpEvents` other orders through the
 * same deployment (appended and in the report) before the clock starts, so the figure is the
 * pipeline's rate and not the JIT compiling it or pools opening their connections. The cold
 * start is reported apart: the time from the warm-up's first message to its first event in the log.
 */
export async function ingestBench(options: IngestBenchOptions) {
  const log = options.log ?? console.log;
  const probe = await probeKafka(5_000);
  if (!probe.ok)
    throw new Error(
      `the ingest bench needs a broker at ${kafkaBrokers().join(',')} (npm run kafka:start): ${probe.reason}`,
    );
  const runs = new Map<IngestTopology, Run[]>(TOPOLOGIES.map((t) => [t, []]));
  for (let run = 1; run <= options.runs; run++) {
    for (const topology of TOPOLOGIES) {
      const outcome = await oneRun(
        topology,
        options.events,
        options.warmUpEvents ?? 5_000,
        options.partitions ?? 3,
        options.chunkSize,
      );
      runs.get(topology)!.push(outcome);
      const cold =
        outcome.coldFirstAppendMs === null
          ? ''
          : ` (cold start: first append ${fmt(outcome.coldFirstAppendMs)} ms after production began)`;
      log(
        `run ${run}, ${topology}: ${fmt(outcome.appendedPerSecond)} appended/s, ${fmt(outcome.reportedPerSecond)} in the report/s${cold}`,
      );
    }
  }
  const figuresOf = (list: Run[]) => ({
    coldFirstAppendMs:
      list[0]?.coldFirstAppendMs === null ? null : spread(list.map((r) => r.coldFirstAppendMs!)),
    producedPerSecond: spread(list.map((r) => r.producedPerSecond)),
    appendedPerSecond: spread(list.map((r) => r.appendedPerSecond)),
    reportedPerSecond: spread(list.map((r) => r.reportedPerSecond)),
  });
  const figures = {
    events: options.events,
    warmUpEvents: options.warmUpEvents ?? 5_000,
    partitions: options.partitions ?? 3,
    topologies: Object.fromEntries(TOPOLOGIES.map((t) => [t, figuresOf(runs.get(t)!)])),
    targetPerSecond: 10_000,
  };
  const row = (name: string, s: Spread) => [name, fmt(s.median), fmt(s.min), fmt(s.max)];
  log(
    table([
      ['order events/s (median of runs)', 'median', 'min', 'max'],
      ...TOPOLOGIES.flatMap((t) => {
        const f = figures.topologies[t]!;
        const cold = f.coldFirstAppendMs
          ? [row(`${t}: cold start, ms to the first append`, f.coldFirstAppendMs)]
          : [];
        return [
          row(`${t}: produced`, f.producedPerSecond),
          row(`${t}: produced → appended`, f.appendedPerSecond),
          row(`${t}: produced → in the report`, f.reportedPerSecond),
          ...cold,
        ];
      }),
    ]),
  );
  return figures;
}

async function until(
  what: string,
  probe: () => Promise<boolean>,
  { everyMs = 5, timeoutMs = 300_000 } = {},
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await probe()) return performance.now();
    await sleep(everyMs);
  }
  throw new Error(`ingest bench: timed out waiting for ${what}`);
}

async function oneRun(
  topology: IngestTopology,
  events: number,
  warmUpEvents: number,
  partitions: number,
  chunkSize: number | undefined,
): Promise<Run> {
  const dataDir = await mkdtemp(join(tmpdir(), 'caseledger-bench-ingest-'));
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  const url = await createDatabase(server.url, 'caseledger');
  await migrateEventStore(url);
  await migrateReadModels(url);
  const store = new PostgresEventStore({ connection: { connectionString: url }, poolSize: 10 });
  const pool = openPool({ connectionString: url, max: 4 }, () => undefined); // connections cut when the server stops at the end of the run
  const topic = `bench.orders.${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const kafka = kafkaClient('caseledger-bench-ingest');
  const settings = {
    brokers: kafkaBrokers(),
    ordersTopic: topic,
    eventsTopic: `${topic}.feed`,
    partitions,
    replicationFactor: 1,
  };
  const groupId = `${topic}.group`;
  const ingest =
    topology === 'one process'
      ? await startIngest({
          store,
          kafka: settings,
          currency: 'USD',
          groupId,
          chunkSize,
          partitionsConsumedConcurrently: partitions,
        })
      : await startIngestProcess(url, await runtimeLoginUrl(url), settings, groupId);
  // Both deployments are consuming before the clock starts.
  if ('status' in ingest) {
    const { status } = ingest as RunningIngest;
    await until('the ingest to join its group', async () => (await status.health()).status === 'consuming', {
      timeoutMs: 60_000,
    });
  }
  const projector = startProjector({ store, pool }); // as npm start runs it (batches of up to 5,000)
  try {
    const reports = new ReportQueries(pool);
    // The probes are cheap, so the bench takes little of the CPU it measures. A count(*) of the
    // whole log every 25 ms, as before, scanned up to 60,000 rows each time: 10-15 % of a core
    // taken from the pipeline it measured. Now each probe reads only the rows past a mark: those
    // below every transaction still in flight are added to the tally and move the mark (the store's
    // read rule: positions follow transaction ids, so nothing can land behind it); the few visible
    // above it are counted this time and again the next. The report itself is read only once every
    // projection's checkpoint has passed the log's head (a 3-row table; the report scans the orders).
    let tally = 0;
    let mark = 0;
    const logged = async () => {
      const { rows } = await pool.query<{ settled: number; last: string | null; visible: number }>(
        `SELECT count(*) FILTER (WHERE settled)::int AS settled, max(global_position) FILTER (WHERE settled)::text AS last, count(*)::int AS visible
         FROM (SELECT global_position, transaction_id < pg_snapshot_xmin(pg_current_snapshot()) AS settled
               FROM event_store.events WHERE global_position > $1) AS past_mark`,
        [mark],
      );
      const { settled, last, visible } = rows[0]!;
      const total = tally + visible;
      tally += settled;
      if (last !== null) mark = Number(last);
      return total;
    };
    const projected = async () =>
      (
        await pool.query<{ done: boolean }>(
          'SELECT (SELECT min(position) FROM read_models.projection_checkpoints) >= (SELECT max(global_position) FROM event_store.events) AS done',
        )
      ).rows[0]!.done;
    const inReport = async (period: typeof PERIOD, totalCents: number) =>
      (await projected()) &&
      (await reports.goodwill(period.from, period.to, period.asOf)).department.netSalesCents === totalCents;
    let coldFirstAppendMs: number | null = null;
    if (warmUpEvents > 0) {
      const warmUp = startUpstream(topic, warmUpEvents, 'warm-up');
      const { totalCents } = await warmUp.ready;
      const began = performance.now();
      coldFirstAppendMs = Math.round(
        (await until('the first warm-up event', async () => (await logged()) > 0, { everyMs: 25 })) - began,
      );
      await until('the warm-up in the report', () => inReport(WARM_UP_PERIOD, totalCents));
      await warmUp.produced;
    }
    const upstream = startUpstream(topic, events);
    const { totalCents } = await upstream.ready;
    const started = performance.now();
    const appended = await until(
      'every event appended',
      async () => (await logged()) >= warmUpEvents + events,
      { everyMs: 25 },
    );
    const reported = await until('the report', () => inReport(PERIOD, totalCents));
    const produced = await upstream.produced;
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events');
    if (rows[0]!.n !== warmUpEvents + events || tally > rows[0]!.n)
      throw new Error(`ingest bench: the log holds ${rows[0]!.n} events, the probe counted ${tally}`);
    const perSecond = (end: number) => Math.round(events / ((end - started) / 1000));
    return {
      coldFirstAppendMs,
      producedPerSecond: perSecond(produced),
      appendedPerSecond: perSecond(appended),
      reportedPerSecond: perSecond(reported),
    };
  } finally {
    await projector.stop();
    await ingest.stop();
    await store.close();
    await pool.end();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    const admin = kafka.admin();
    await admin.connect();
    await deleteTopics(admin, [topic, `${topic}.dlq`]);
    await admin.disconnect();
  }
}

/**
 * The upstream order system in a child process (its own event loop, as in production). `ready`
 * resolves when it is connected and starts producing (the clock starts then), `produced` when the
 * broker has acknowledged every message.
 */
function startUpstream(
  topic: string,
  count: number,
  mode?: 'warm-up',
): { ready: Promise<{ totalCents: number }>; produced: Promise<number> } {
  const script = fileURLToPath(new URL('./upstream-producer.js', import.meta.url));
  const child = spawn(process.execPath, [script, topic, String(count), ...(mode ? [mode] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`upstream producer exited with ${code}`))),
  );
  let onReady!: (value: { totalCents: number }) => void;
  let onProduced!: (at: number) => void;
  const ready = new Promise<{ totalCents: number }>((resolve) => (onReady = resolve));
  const produced = new Promise<number>((resolve) => (onProduced = resolve));
  lines.on('line', (line) => {
    const message = JSON.parse(line) as { totalCents?: number; produced?: boolean };
    if (message.totalCents !== undefined) onReady({ totalCents: message.totalCents });
    if (message.produced) onProduced(performance.now());
  });
  exited.catch(() => undefined);
  return { ready: Promise.race([ready, exited]), produced: Promise.race([produced, exited]) };
}

/** apps/ingest as `npm run start:ingest` runs it, on this run's database and topic; resolves once it consumes. */
async function startIngestProcess(
  databaseUrl: string,
  runtimeUrl: string,
  kafka: { brokers: string[]; ordersTopic: string; eventsTopic: string; partitions: number },
  groupId: string,
): Promise<{ stop(): Promise<void> }> {
  const main = fileURLToPath(new URL('../../../apps/ingest/src/main.js', import.meta.url));
  const child = spawn(process.execPath, ['--max-semi-space-size=64', main], {
    env: {
      ...process.env,
      // As deployed (SPEC §7): the runtime login, the owner for the migrations at start.
      DATABASE_URL: runtimeUrl,
      DATABASE_OWNER_URL: databaseUrl,
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_ORDERS_TOPIC: kafka.ordersTopic,
      KAFKA_EVENTS_TOPIC: kafka.eventsTopic,
      KAFKA_TOPIC_PARTITIONS: String(kafka.partitions),
      KAFKA_INGEST_GROUP: groupId,
      CURRENCY: 'USD',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  await until(
    'the ingest process to join its group',
    async () => {
      if (child.exitCode !== null) throw new Error(`apps/ingest exited with ${child.exitCode}:\n${output}`);
      return output.includes('joined the consumer group');
    },
    { timeoutMs: 60_000 },
  );
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
