import http from 'node:http';
import { ErrorSamples, post } from './open-loop.js';
import type { Command, Commands } from './workload.js';

/** Which complaints a run of `POST /cases` sends. */
export type ComplaintMix = 'no-repeat' | 'repeat-heavy';
export const COMPLAINT_MIXES: ComplaintMix[] = ['no-repeat', 'repeat-heavy'];

/** What one closed-loop run of complaints measured; latencies in ms, from send to answer. */
export interface ComplaintsOutcome {
  /** Complaints answered 201 (a new case) or 200 (joined to the complainant's open case), per second of the run. */
  achievedPerSecond: number;
  latenciesMs: number[];
  /** Answered 201: a case opened. */
  created: number;
  /** Answered 200: joined to the complainant's open case. */
  joined: number;
  sent: number;
  errors: number;
  errorSamples: string[];
}

/**
 * `POST /cases` only, closed loop: `connections` keep-alive connections, each sending the next
 * complaint as soon as its last was answered, for `seconds` (the ones in flight then are awaited
 * and counted). Complaint i is numbered across all connections. With `repeat-heavy`, every fourth
 * (i % 4 === 3) repeats the complainant and subject of complaint i − 3 — a complainer who writes
 * again — which is most likely still in flight: both read the complainant's stream while it is
 * empty, both append as its first event, one is refused and tried again (SPEC §3: one case per
 * open matter), so one of the two answers 201 and the other 200. With `no-repeat` every complaint
 * names a new complainant.
 */
export async function complaintsClosedLoop(
  baseUrl: string,
  commands: Commands,
  mix: ComplaintMix,
  connections: number,
  seconds: number,
): Promise<ComplaintsOutcome> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latenciesMs: number[] = [];
  const errors = new ErrorSamples();
  /** The last four complaints sent, by number modulo 4: the one three before i is at (i + 1) % 4. */
  const recent: Command[] = [];
  let next = 0;
  let created = 0;
  let joined = 0;
  let lastAnswer = 0;

  const build = (i: number): Command => {
    const earlier = recent[(i + 1) % 4];
    const command =
      mix === 'repeat-heavy' && i % 4 === 3 && earlier
        ? commands.repeatComplaint(earlier, i)
        : commands.complaint();
    recent[i % 4] = command;
    return command;
  };

  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const command = build(next++);
        const sentAt = performance.now();
        try {
          const reply = await post(agent, baseUrl, command);
          const latency = performance.now() - sentAt;
          if (reply.status === 201) created++;
          else if (reply.status === 200) joined++;
          else {
            errors.add(command, `${reply.status} ${reply.text}`);
            continue;
          }
          latenciesMs.push(latency);
        } catch (error) {
          errors.add(command, (error as Error).message);
        } finally {
          lastAnswer = performance.now();
        }
      }
    }),
  );
  agent.destroy();
  return {
    achievedPerSecond: (created + joined) / ((Math.max(lastAnswer, start) - start) / 1000),
    latenciesMs,
    created,
    joined,
    sent: next,
    errors: errors.count,
    errorSamples: errors.samples,
  };
}
