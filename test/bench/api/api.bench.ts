import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fmt, percentile, spread, table, type Spread } from '../support/stats.js';
import { openLoop, type PhaseOutcome } from './open-loop.js';
import { saturate, type SaturationOutcome } from './saturation.js';
import { startStandalone } from '../../support/standalone-process.js';
import { CaseFlow, Commands, CYCLE, KINDS, seedDepartment, type Kind } from './workload.js';
import { COMPLAINT_MIXES, complaintsClosedLoop, type ComplaintMix } from './complaints.js';
import {
  counted,
  windowCounters,
  type ContentionCounters,
  type WindowCounters,
} from './contention-counters.js';
import {
  complaintMixesReport,
  ms,
  perRun,
  REPEAT_TARGET,
  sessionsIn,
  summariseComplaintMixes,
  type MeasuredComplaints,
} from './complaint-mixes.js';

export interface ApiBenchOptions {
  runs: number;
  /** Length of each fixed-rate phase and of each saturation phase. */
  secondsPerRate: number;
  /** Fixed arrival rates, commands per second. */
  rates: number[];
  /**
   * Connections of the closed loops that find the saturation throughput (one row each): a few, where
   * the server does the most, and many, as a busy front end would hold open.
   */
  saturationConnections: number[];
  warmUpSeconds: number;
  /**
   * Connections of the closed loop of complaints only (`POST /cases`), run without repeats and with
   * every fourth a repeat; default 16. Each of the two runs `secondsPerRate`.
   */
  complaintConnections?: number;
  /** Correspondents in the department (auto-assignment chooses among them); default 40. */
  correspondents?: number;
  /** Node flags for the server process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
  serverNodeFlags?: string[];
  log?: (line: string) => void;
}

/** The aim of issue 8, printed next to its row. */
export const TARGET = { rate: 1000, p99Ms: 50 };
/** The aims of issue 21 for complaints that repeat: throughput ÷ the same without repeats, and no session opened once warm. */

export interface ApiRow {
  /** Commands per second offered (open loop), or null for the closed-loop saturation row. */
  rate: number | null;
  connections: number | null;
  achievedPerSecond: Spread;
  p50Ms: Spread;
  p90Ms: Spread;
  p99Ms: Spread;
  maxMs: Spread;
  /** Commands sent, over all runs. */
  sent: number;
  /** Commands that did not answer their success status, over all runs. */
  errors: number;
  errorSamples: string[];
  /** Latency by command, and each command's share of those answered. */
  byKind: Record<Kind, { share: number; p50Ms: Spread; p99Ms: Spread }>;
  /** No warm-up of its own before each window: a pool that shrank while idle and grows again is counted. */
  counters: WindowCounters;
}

type Phase = { rate: number } | { connections: number } | { complaints: number };
const phaseName = (p: Phase) =>
  'rate' in p
    ? `${p.rate}/s`
    : 'connections' in p
      ? `saturation, ${p.connections} connections`
      : `POST /cases, ${p.complaints} connections`;

/** Waits until the server's projector has caught up with the log, so no phase pays for the one before. */
async function projectionsCaughtUp(url: string, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const health = await fetch(`${url}/health`).then(
      (r) => r.json() as Promise<any>,
      () => undefined,
    );
    if (health?.projections?.eventsBehind === 0) return true;
    await sleep(200);
  }
  return false;
}

/**
 * HTTP commands per second and their latencies against `npm start`'s server (a child process on a
 * fresh DATA_DIR with its embedded, durable PostgreSQL and the projector in the same process):
 * complaints, sorts with auto-assignment, first responses and goodwill grants (2 : 2 : 2 : 1) on
 * cases filed during the run, each command sent as the actor the rules want (intake, the sorter,
 * the assigned correspondent). Fixed arrival rates run open loop (latency from when a command was
 * due, so queueing counts); saturation is a closed loop of many connections. Then `POST /cases` alone,
 * closed loop, twice back to back: every complaint from a new complainant, and every fourth a repeat
 * of the one sent three before (issue 21: a conflict must not cost throughput). Phases are rotated
 * run by run, and each starts once the projector has caught up. Every measured window is framed by
 * two scrapes of /metrics: PostgreSQL sessions the server opened during it, conflicts and retries.
 */
export async function apiBench(o: ApiBenchOptions) {
  const log = o.log ?? console.log;
  const dataDir = await mkdtemp(join(tmpdir(), 'caseledger-bench-api-'));
  const jwtSecret = randomBytes(24).toString('hex');
  const server = await startStandalone(
    dataDir,
    { AUTH_JWT_SECRET: jwtSecret, RATE_LIMIT_PER_SECOND: '0' /* capacity, not the per-caller limit */ },
    60_000,
    o.serverNodeFlags ?? [],
  );
  const loadBefore = loadavg()[0]!;
  try {
    const department = await seedDepartment(server.url, server.token, jwtSecret, o.correspondents ?? 40);
    const commands = new Commands(department);
    const flow = new CaseFlow(commands);

    const complaintConnections = o.complaintConnections ?? 16;
    // Warm-up: every driver, figures discarded; the pools grow to what the most connections need.
    await openLoop(server.url, flow, Math.min(...o.rates), o.warmUpSeconds);
    await saturate(server.url, commands, Math.max(...o.saturationConnections), o.warmUpSeconds);
    await complaintsClosedLoop(server.url, commands, 'repeat-heavy', complaintConnections, o.warmUpSeconds);

    const phases: Phase[] = [
      ...o.rates.map((rate) => ({ rate })),
      ...o.saturationConnections.map((connections) => ({ connections })),
      { complaints: complaintConnections },
    ];
    const outcomes = new Map<string, Array<PhaseOutcome | SaturationOutcome>>();
    const countersOf = new Map<string, ContentionCounters[]>();
    const complaintOutcomes = new Map<ComplaintMix, MeasuredComplaints>(COMPLAINT_MIXES.map((m) => [m, []]));
    const note = (name: string, counters: ContentionCounters) =>
      countersOf.set(name, [...(countersOf.get(name) ?? []), counters]);
    const countersText = (c: ContentionCounters) =>
      `${c.sessionsOpened} sessions opened, ${c.conflicts} conflicts, ${c.retries} retries`;
    let unsettled = 0;
    for (let run = 1; run <= o.runs; run++) {
      // Rotate which phase goes first, so none always meets a fuller log or a warmer server.
      const order = phases.map((_, i) => phases[(i + run - 1) % phases.length]!);
      for (const phase of order) {
        if (!(await projectionsCaughtUp(server.url))) unsettled++;
        if ('complaints' in phase) {
          // Both mixes back to back, which goes first alternating run by run; each once the projector
          // has caught up with the one before (else the second pays for the first's events), and after
          // a short warm-up of its own mix and connections, so a pool that shrank while idle (pg-pool
          // closes a connection idle for 10 s) is full again when the window opens.
          const mixes = run % 2 === 1 ? COMPLAINT_MIXES : [...COMPLAINT_MIXES].reverse();
          for (const [m, mix] of mixes.entries()) {
            if (m > 0 && !(await projectionsCaughtUp(server.url))) unsettled++;
            await complaintsClosedLoop(
              server.url,
              commands,
              mix,
              phase.complaints,
              Math.min(2, o.warmUpSeconds),
            );
            const measured = await counted(server.url, () =>
              complaintsClosedLoop(server.url, commands, mix, phase.complaints, o.secondsPerRate),
            );
            complaintOutcomes.get(mix)!.push(measured);
            log(
              `  run ${run}/${o.runs}, ${phaseName(phase)}, ${mix}: ${fmt(measured.outcome.achievedPerSecond)} answered/s, ${measured.outcome.errors} errors; ${countersText(measured.counters)}`,
            );
          }
          continue;
        }
        const { outcome, counters } = await counted<PhaseOutcome | SaturationOutcome>(server.url, () =>
          'rate' in phase
            ? openLoop(server.url, flow, phase.rate, o.secondsPerRate)
            : saturate(server.url, commands, phase.connections, o.secondsPerRate),
        );
        const list = outcomes.get(phaseName(phase)) ?? [];
        list.push(outcome);
        outcomes.set(phaseName(phase), list);
        note(phaseName(phase), counters);
        log(
          `  run ${run}/${o.runs}, ${phaseName(phase)}: ${fmt(outcome.achievedPerSecond)} commands/s, ${outcome.errors} errors; ${countersText(counters)}`,
        );
      }
    }

    const rows: ApiRow[] = phases
      .filter((phase) => !('complaints' in phase))
      .map((phase) => {
        const list = outcomes.get(phaseName(phase))!;
        const figure = (f: (m: PhaseOutcome | SaturationOutcome) => number) => spread(list.map(f));
        const lat = (p: number, m: PhaseOutcome | SaturationOutcome) =>
          'latenciesMs' in m
            ? percentile(m.latenciesMs, p)
            : p === 50
              ? m.p50Ms
              : p === 90
                ? m.p90Ms
                : m.p99Ms;
        const answered = list.reduce((sum, m) => sum + KINDS.reduce((n, k) => n + m.byKind[k].length, 0), 0);
        const row: ApiRow = {
          rate: 'rate' in phase ? phase.rate : null,
          connections: 'connections' in phase ? phase.connections : null,
          achievedPerSecond: figure((m) => m.achievedPerSecond),
          p50Ms: figure((m) => lat(50, m)),
          p90Ms: figure((m) => lat(90, m)),
          p99Ms: figure((m) => lat(99, m)),
          maxMs: figure((m) => ('latenciesMs' in m ? Math.max(...m.latenciesMs) : m.maxMs)),
          sent: list.reduce((sum, m) => sum + m.sent, 0),
          errors: list.reduce((sum, m) => sum + m.errors, 0),
          errorSamples: list.flatMap((m) => m.errorSamples).slice(0, 5),
          byKind: Object.fromEntries(
            KINDS.map((k) => [
              k,
              {
                share: list.reduce((sum, m) => sum + m.byKind[k].length, 0) / answered,
                p50Ms: spread(list.map((m) => percentile(m.byKind[k], 50))),
                p99Ms: spread(list.map((m) => percentile(m.byKind[k], 99))),
              },
            ]),
          ) as ApiRow['byKind'],
          counters: windowCounters(countersOf.get(phaseName(phase))!),
        };
        return row;
      });
    const { rows: complaintRows, ratio: repeatRatio } = summariseComplaintMixes(
      complaintOutcomes,
      complaintConnections,
    );

    const target = (row: ApiRow) =>
      row.rate === TARGET.rate
        ? `p99 ≤ ${TARGET.p99Ms} ms: ${row.p99Ms.median <= TARGET.p99Ms ? 'met' : 'not met'}`
        : '';
    log(
      table([
        [
          'load',
          'commands/s median',
          'min',
          'max',
          'p50 ms',
          'p90 ms',
          'p99 ms',
          'max ms',
          'errors',
          'sessions opened',
          'target',
        ],
        ...rows.map((row) => [
          row.rate !== null ? `${fmt(row.rate)}/s offered` : `saturation (${row.connections} connections)`,
          fmt(row.achievedPerSecond.median),
          fmt(row.achievedPerSecond.min),
          fmt(row.achievedPerSecond.max),
          ms(row.p50Ms),
          ms(row.p90Ms),
          ms(row.p99Ms),
          ms(row.maxMs),
          `${row.errors} of ${fmt(row.sent)}`,
          perRun(row.counters.sessionsOpened),
          target(row),
        ]),
      ]),
    );
    const sessionsInRepeatWindows = sessionsIn(complaintRows);
    log(complaintMixesReport(complaintRows, repeatRatio, complaintConnections));
    const kindRows = [['load', 'command', 'share', 'p50 ms', 'p99 ms']];
    for (const row of rows) {
      for (const k of KINDS) {
        const f = row.byKind[k];
        kindRows.push([
          row.rate !== null ? `${fmt(row.rate)}/s` : `${row.connections} connections`,
          k,
          `${fmt(f.share * 100)} %`,
          fmt(f.p50Ms.median, 1),
          fmt(f.p99Ms.median, 1),
        ]);
      }
    }
    log(`\n${table(kindRows)}`);
    for (const row of rows.filter((r) => r.errors > 0)) {
      log(
        `\nerrors at ${row.rate !== null ? `${row.rate}/s` : `saturation, ${row.connections} connections`} (first ${row.errorSamples.length}):`,
      );
      for (const sample of row.errorSamples) log(`  ${sample}`);
    }
    for (const row of complaintRows.filter((r) => r.errors > 0)) {
      log(`\nerrors at POST /cases, ${row.mix} (first ${row.errorSamples.length}):`);
      for (const sample of row.errorSamples) log(`  ${sample}`);
    }
    if (unsettled > 0)
      log(
        `\n${unsettled} phase(s) started before the projector had caught up (it was still behind after 120 s)`,
      );

    const errors =
      rows.reduce((sum, r) => sum + r.errors, 0) + complaintRows.reduce((sum, r) => sum + r.errors, 0);
    return {
      workload: {
        mix: CYCLE,
        correspondents: department.correspondents.length,
        secondsPerRate: o.secondsPerRate,
        runs: o.runs,
        warmUpSeconds: o.warmUpSeconds,
      },
      rows,
      /** Issue 21: `POST /cases` alone without repeats and with every fourth a repeat, and the ratio. */
      repeatHeavy: {
        connections: complaintConnections,
        seconds: o.secondsPerRate,
        rows: complaintRows,
        ratio: repeatRatio,
        sessionsOpened: sessionsInRepeatWindows,
        target: {
          ...REPEAT_TARGET,
          ratioMet: repeatRatio.ofMedians >= REPEAT_TARGET.ratio,
          sessionsMet: sessionsInRepeatWindows === REPEAT_TARGET.sessionsOpened,
        },
      },
      /** The closed-loop row that answered the most. */
      saturationPerSecond: rows
        .filter((r) => r.rate === null)
        .sort((a, b) => b.achievedPerSecond.median - a.achievedPerSecond.median)[0]!.achievedPerSecond,
      target: { ...TARGET, p99MsMeasured: rows.find((r) => r.rate === TARGET.rate)?.p99Ms.median ?? null },
      loadAverage: { before: loadBefore, after: loadavg()[0]! },
      ...(errors > 0 ? { serverOutputTail: server.output().slice(-4000) } : {}),
    };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}
