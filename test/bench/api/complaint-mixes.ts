import { fmt, percentile, spread, table, type Spread } from '../support/stats.js';
import { COMPLAINT_MIXES, type ComplaintMix, type ComplaintsOutcome } from './complaints.js';
import { windowCounters, type ContentionCounters, type WindowCounters } from './contention-counters.js';

/** Issue 21: repeat-heavy ÷ no-repeat throughput, and no session opened once warm. */
export const REPEAT_TARGET = { ratio: 0.9, sessionsOpened: 0 };

/** `POST /cases` alone, closed loop, without repeats or with every fourth a repeat. */
export interface ComplaintRow {
  mix: ComplaintMix;
  connections: number;
  achievedPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  maxMs: Spread;
  sent: number;
  /** Answered 201 (a case opened) and 200 (joined to the complainant's open case), over all runs. */
  created: number;
  joined: number;
  errors: number;
  errorSamples: string[];
  /** Each window follows a warm-up of the same mix and connections, so the pools are full. */
  counters: WindowCounters;
}

export interface RepeatRatio {
  /** Median repeat-heavy answered/s ÷ median no-repeat answered/s. */
  ofMedians: number;
  /** The ratio within each run (the two mixes ran back to back). */
  perRun: Spread;
}

export type MeasuredComplaints = Array<{ outcome: ComplaintsOutcome; counters: ContentionCounters }>;

/** One figure per run, in run order. */
export const perRun = (values: number[]) => values.map((v) => fmt(v)).join(' / ');
export const ms = (s: Spread) => `${fmt(s.median, 1)} (${fmt(s.min, 1)}–${fmt(s.max, 1)})`;

/** Each mix's row over its runs, and the ratio of the two. */
export function summariseComplaintMixes(
  outcomes: Map<ComplaintMix, MeasuredComplaints>,
  connections: number,
): { rows: ComplaintRow[]; ratio: RepeatRatio } {
  const rows: ComplaintRow[] = COMPLAINT_MIXES.map((mix) => {
    const list = outcomes.get(mix)!;
    const figure = (f: (m: ComplaintsOutcome) => number) => spread(list.map(({ outcome }) => f(outcome)));
    const total = (f: (m: ComplaintsOutcome) => number) =>
      list.reduce((sum, { outcome }) => sum + f(outcome), 0);
    return {
      mix,
      connections,
      achievedPerSecond: figure((m) => m.achievedPerSecond),
      p50Ms: figure((m) => percentile(m.latenciesMs, 50)),
      p99Ms: figure((m) => percentile(m.latenciesMs, 99)),
      maxMs: figure((m) => Math.max(...m.latenciesMs)),
      sent: total((m) => m.sent),
      created: total((m) => m.created),
      joined: total((m) => m.joined),
      errors: total((m) => m.errors),
      errorSamples: list.flatMap(({ outcome }) => outcome.errorSamples).slice(0, 5),
      counters: windowCounters(list.map(({ counters }) => counters)),
    };
  });
  const [noRepeat, repeatHeavy] = COMPLAINT_MIXES.map((mix) =>
    outcomes.get(mix)!.map(({ outcome }) => outcome.achievedPerSecond),
  );
  return {
    rows,
    ratio: {
      ofMedians: rows[1]!.achievedPerSecond.median / rows[0]!.achievedPerSecond.median,
      perRun: spread(repeatHeavy!.map((r, i) => r / noRepeat![i]!)),
    },
  };
}

/** Sessions opened in the measured windows of both mixes, over all runs. */
export const sessionsIn = (rows: ComplaintRow[]) =>
  rows.reduce((sum, r) => sum + r.counters.sessionsOpened.reduce((a, b) => a + b, 0), 0);

/** The two mixes' table and the line that judges them against REPEAT_TARGET. */
export function complaintMixesReport(rows: ComplaintRow[], ratio: RepeatRatio, connections: number): string {
  const sessions = sessionsIn(rows);
  return (
    `\n${table([
      [
        `POST /cases, ${connections} connections`,
        'answered/s median',
        'min',
        'max',
        'p50 ms',
        'p99 ms',
        'max ms',
        'errors',
        'repeats joined',
        'sessions opened',
        'conflicts',
        'retries',
      ],
      ...rows.map((row) => [
        row.mix === 'no-repeat' ? 'no repeats' : 'every 4th a repeat',
        fmt(row.achievedPerSecond.median),
        fmt(row.achievedPerSecond.min),
        fmt(row.achievedPerSecond.max),
        ms(row.p50Ms),
        ms(row.p99Ms),
        ms(row.maxMs),
        `${row.errors} of ${fmt(row.sent)}`,
        fmt(row.joined),
        perRun(row.counters.sessionsOpened),
        perRun(row.counters.conflicts),
        perRun(row.counters.retries),
      ]),
    ])}\n` +
    `repeat-heavy ÷ no-repeat answered/s: ${fmt(ratio.ofMedians, 2)} (medians ÷ medians; within each run: median ${fmt(ratio.perRun.median, 2)}, ${fmt(ratio.perRun.min, 2)}–${fmt(ratio.perRun.max, 2)}), ` +
    `target ≥ ${REPEAT_TARGET.ratio}: ${ratio.ofMedians >= REPEAT_TARGET.ratio ? 'met' : 'not met'}; ` +
    `sessions opened in these windows after warm-up: ${sessions}, target ${REPEAT_TARGET.sessionsOpened}: ${sessions === REPEAT_TARGET.sessionsOpened ? 'met' : 'not met'}`
  );
}
