import autocannon from 'autocannon';
import { ErrorSamples } from './open-loop.js';
import { CYCLE, EXPECTED_STATUS, KINDS, type Commands, type Kind } from './workload.js';

export interface SaturationOutcome {
  achievedPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Latency by command, from just before it was built to its answer (the loop sends it at once). */
  byKind: Record<Kind, number[]>;
  sent: number;
  errors: number;
  errorSamples: string[];
}

/** Each connection's context while it walks its two cases (`a`, `b`) through one CYCLE. */
type Context = Record<string, string | undefined>;

/**
 * Closed loop with autocannon: `connections` keep-alive connections, each sending its next command
 * as soon as the last was answered, so the figure is the most the server answers per second.
 * Every connection walks the CYCLE (2 complaints, 2 sorts, 2 first responses, 1 goodwill grant),
 * each command built from the answers before it; a command whose predecessor failed is not sent
 * (autocannon restarts that connection's cycle) and the failure is counted.
 */
export async function saturate(
  baseUrl: string,
  commands: Commands,
  connections: number,
  seconds: number,
): Promise<SaturationOutcome> {
  const errors = new ErrorSamples();
  let ok = 0;
  const byKind = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  const requests = CYCLE.map((kind: Kind, i) => {
    // Which of the two cases this step works on: steps 0–3 on `a`, 4–6 on `b`.
    const c = i < 4 ? 'a' : 'b';
    return {
      method: 'POST' as const,
      setupRequest: (request: autocannon.Request, context: object): autocannon.Request => {
        const ctx = context as Context;
        const caseId = ctx[`${c}.caseId`];
        const assignee = ctx[`${c}.assignee`];
        if (kind !== 'complaint' && !caseId) return undefined as unknown as autocannon.Request;
        if ((kind === 'response' || kind === 'goodwill') && !assignee)
          return undefined as unknown as autocannon.Request;
        const sent =
          kind === 'complaint'
            ? commands.complaint()
            : kind === 'sort'
              ? commands.sort(caseId!)
              : kind === 'response'
                ? commands.response(caseId!, assignee!)
                : commands.goodwill(caseId!, assignee!);
        ctx[`${i}.path`] = sent.path;
        ctx[`${i}.at`] = String(performance.now());
        return {
          ...request,
          method: 'POST' as const,
          path: sent.path,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${sent.token}` },
          body: sent.body,
        };
      },
      onResponse: (status: number, body: string, context: object) => {
        const ctx = context as Context;
        if (status !== EXPECTED_STATUS[kind])
          return errors.add(
            { kind, path: ctx[`${i}.path`] ?? '?', token: '', body: '' },
            `${status} ${body}`,
          );
        ok++;
        byKind[kind].push(performance.now() - Number(ctx[`${i}.at`]));
        if (kind === 'complaint') ctx[`${c}.caseId`] = JSON.parse(body).caseId;
        if (kind === 'sort') ctx[`${c}.assignee`] = JSON.parse(body).assigneeId;
      },
    };
  });
  const result = await autocannon({ url: baseUrl, connections, duration: seconds, requests, timeout: 120 });
  const lost = result.errors + result.timeouts;
  if (lost > 0) errors.count += lost;
  if (lost > 0 && errors.samples.length < 5)
    errors.samples.push(`${result.errors} connection errors, ${result.timeouts} timeouts`);
  return {
    achievedPerSecond: ok / result.duration,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    byKind,
    sent: result.requests.sent,
    errors: errors.count,
    errorSamples: errors.samples,
  };
}
