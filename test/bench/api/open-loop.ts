import http from 'node:http';
import { CYCLE, EXPECTED_STATUS, KINDS, type CaseFlow, type Command, type Kind } from './workload.js';

/** What one phase of load measured; latencies in ms. */
export interface PhaseOutcome {
  /** Commands answered with their success status, per second of the phase (first send to last answer). */
  achievedPerSecond: number;
  latenciesMs: number[];
  byKind: Record<Kind, number[]>;
  sent: number;
  errors: number;
  errorSamples: string[];
}

export interface Reply {
  status: number;
  text: string;
}

/** One POST on a keep-alive agent; rejects on a network error or after `timeoutMs`. */
export function post(
  agent: http.Agent,
  baseUrl: string,
  command: Command,
  timeoutMs = 120_000,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl}${command.path}`,
      {
        method: 'POST',
        agent,
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(command.body),
          authorization: `Bearer ${command.token}`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(command.body);
  });
}

/** Collects the first few failures, so a reader of the table sees why. */
export class ErrorSamples {
  count = 0;
  readonly samples: string[] = [];

  add(command: Command, what: string): void {
    this.count++;
    if (this.samples.length < 5)
      this.samples.push(`${command.kind} POST ${command.path}: ${what.slice(0, 400)}`);
  }
}

/**
 * Open loop at a fixed arrival rate: command i is due at start + i/rate whether or not earlier ones
 * were answered, and its latency runs from when it was due, not from when it could be sent — so a
 * server that falls behind shows its queue in the latencies instead of slowing the load down
 * (no coordinated omission). Commands follow the CYCLE mix through `flow`.
 */
export async function openLoop(
  baseUrl: string,
  flow: CaseFlow,
  rate: number,
  seconds: number,
): Promise<PhaseOutcome> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const latenciesMs: number[] = [];
  const byKind = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  const errors = new ErrorSamples();
  const inFlight = new Set<Promise<void>>();
  let ok = 0;
  let lastAnswer = 0;

  const fire = (i: number, due: number) => {
    const { command, settle } = flow.next(CYCLE[i % CYCLE.length]!);
    const done = post(agent, baseUrl, command)
      .then(
        (reply) => {
          const latency = performance.now() - due;
          if (reply.status !== EXPECTED_STATUS[command.kind])
            return errors.add(command, `${reply.status} ${reply.text}`);
          settle(JSON.parse(reply.text));
          ok++;
          latenciesMs.push(latency);
          byKind[command.kind].push(latency);
        },
        (error: Error) => errors.add(command, error.message),
      )
      .finally(() => {
        lastAnswer = performance.now();
        inFlight.delete(done);
      });
    inFlight.add(done);
  };

  const start = performance.now();
  await new Promise<void>((resolve) => {
    let i = 0;
    const tick = () => {
      const now = performance.now();
      for (; i < total && start + i * interval <= now; i++) fire(i, start + i * interval);
      if (i >= total) return resolve();
      setTimeout(tick, Math.max(0, start + i * interval - performance.now()));
    };
    tick();
  });
  while (inFlight.size > 0) await Promise.all([...inFlight]);
  agent.destroy();
  return {
    achievedPerSecond: ok / ((Math.max(lastAnswer, start) - start) / 1000),
    latenciesMs,
    byKind,
    sent: total,
    errors: errors.count,
    errorSamples: errors.samples,
  };
}
