// The database behind a TCP proxy that the test drives: connections cut (reset, refused), then
// black-holed (nothing answers, nobody is told), then one append whose request reaches the server
// but whose answer never comes back. The API answers 503 DATABASE_UNAVAILABLE with Retry-After
// within the configured timeouts, never a 500 or a hang; an append of unknown outcome says so, and
// the same request with the same Idempotency-Key then answers what happened. Recovery is printed.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { fileComplaints, healthStatus, missingFromLog, recoveryMs, until } from './support/complaint-load.js';
import { startProxiedApp, type ProxiedApp } from './support/proxied-app.js';

const TIMEOUTS = { connectMs: 1_000, statementMs: 2_000 };
/**
 * The longest a request may take while the database is away: a connect, or a statement and the
 * client's grace second — whichever is longer — and a second of slack. Commands waiting at the door
 * do not add theirs: they are answered as soon as the first one finds the database out of reach.
 */
const ANSWER_WITHIN_MS = Math.max(TIMEOUTS.connectMs, TIMEOUTS.statementMs + 1_000) + 1_000;

describe('network faults between the API and PostgreSQL', () => {
  let app: ProxiedApp;

  beforeAll(async () => {
    app = await startProxiedApp(TIMEOUTS);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  }, 60_000);

  /** Load for `faultMs` of the fault, then healed; what the load saw, and when the fault ended. */
  async function underLoad(fault: () => void, faultMs: number) {
    const load = fileComplaints(app.url, app.adminToken);
    await until('40 complaints acknowledged', () => load.outcome.acknowledged.length >= 40);
    fault();
    const faultAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const healthDuringFault = await healthStatus(app.url);
    // A read too: the case acknowledged first, asked for while the database is away.
    const read = await fetch(`${app.url}/cases/${load.outcome.acknowledged[0]!.caseId}`, {
      headers: { Authorization: `Bearer ${app.adminToken}` },
    });
    const readDuringFault = {
      status: read.status,
      code: ((await read.json()) as { code?: string }).code,
      retryAfter: read.headers.get('retry-after'),
    };
    await new Promise((resolve) => setTimeout(resolve, faultMs - 500));
    app.proxy.heal();
    const healedAt = Date.now();
    await until(
      '40 complaints acknowledged after healing',
      () => load.acknowledgedSince(healedAt) >= 40,
      30_000,
    );
    const outcome = await load.stop();
    const duringFault = outcome.answers.filter((a) => a.startedAt >= faultAt + 100 && a.endedAt <= healedAt);
    return {
      outcome,
      healthDuringFault,
      readDuringFault,
      duringFault,
      recovery: recoveryMs(outcome, healedAt),
    };
  }

  it('connections cut: 503 with Retry-After at once, nothing lost, back within 5 s', async () => {
    const { outcome, healthDuringFault, readDuringFault, duringFault, recovery } = await underLoad(
      () => app.proxy.cut(),
      3_000,
    );
    const slowest = Math.max(...duringFault.map((a) => a.endedAt - a.startedAt));
    console.log(
      `cut: ${duringFault.length} answers during the cut (slowest ${slowest} ms), recovery ${recovery} ms after healing`,
    );
    expect(outcome.unexpected).toEqual([]);
    expect(duringFault.length).toBeGreaterThan(0);
    expect(duringFault.every((a) => a.status === 503 && a.retryAfter === '2')).toBe(true);
    expect(slowest).toBeLessThanOrEqual(ANSWER_WITHIN_MS);
    expect(healthDuringFault).toBe(503);
    expect(readDuringFault).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfter: '2' });
    expect(await missingFromLog(app.directUrl, outcome.acknowledged)).toEqual([]);
    expect(recovery).toBeLessThanOrEqual(5_000);
    expect(await healthStatus(app.url)).toBe(200);
  }, 60_000);

  it('connections black-holed: every request still answered (503) within the timeouts, back within 5 s', async () => {
    const { outcome, healthDuringFault, readDuringFault, duringFault, recovery } = await underLoad(
      () => app.proxy.blackhole(),
      2 * ANSWER_WITHIN_MS,
    );
    const answered = outcome.answers.filter((a) => a.status === 503);
    const slowest = Math.max(...answered.map((a) => a.endedAt - a.startedAt));
    console.log(
      `black hole: ${answered.length} answered 503 (slowest ${slowest} ms), recovery ${recovery} ms after healing`,
    );
    expect(outcome.unexpected).toEqual([]);
    expect(duringFault.length).toBeGreaterThan(0);
    expect(duringFault.every((a) => a.status === 503)).toBe(true);
    expect(slowest).toBeLessThanOrEqual(ANSWER_WITHIN_MS);
    expect(healthDuringFault).toBe(503);
    expect(readDuringFault).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfter: '2' });
    expect(await missingFromLog(app.directUrl, outcome.acknowledged)).toEqual([]);
    expect(recovery).toBeLessThanOrEqual(5_000);
  }, 60_000);

  it('an append whose answer is lost: 503 outcome "unknown"; the same Idempotency-Key then answers the first outcome', async () => {
    const key = randomUUID();
    const complaint = {
      channel: 'phone',
      complainant: { type: 'distributor', id: `D-${key.slice(0, 8)}` },
      subject: 'Lid cracked',
      body: 'It arrived cracked.',
    };
    const post = () =>
      fetch(`${app.url}/cases`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${app.adminToken}`,
          'Idempotency-Key': key,
        },
        body: JSON.stringify(complaint),
      });
    app.proxy.swallowReplyTo('event_store_append');
    const started = Date.now();
    const lost = await post();
    const lostBody = (await lost.json()) as { code: string; details?: { outcome?: string } };
    const took = Date.now() - started;
    app.proxy.heal();
    console.log(
      `append answer lost: ${lost.status} ${lostBody.code} outcome ${lostBody.details?.outcome} after ${took} ms`,
    );
    expect(lost.status).toBe(503);
    expect(lost.headers.get('retry-after')).toBe('2');
    expect(lostBody).toMatchObject({ code: 'DATABASE_UNAVAILABLE', details: { outcome: 'unknown' } });
    expect(took).toBeLessThanOrEqual(ANSWER_WITHIN_MS);

    // The request did reach the server: the complaint is in the log, once.
    const direct = new pg.Client({ connectionString: app.directUrl });
    await direct.connect();
    const { rows } = await direct
      .query<{ stream_id: string }>(
        `SELECT stream_id FROM event_store.events WHERE type = 'ComplaintReceived' AND metadata->>'idempotencyKey' = $1`,
        [key],
      )
      .finally(() => direct.end());
    expect(rows).toHaveLength(1);

    const retry = await post();
    const retryBody = (await retry.json()) as { caseId: string; streamId: string };
    expect(retry.status).toBe(201);
    expect(retryBody.streamId).toBe(rows[0]!.stream_id);
  }, 30_000);
});
