import pg from 'pg';
import { Http } from '../../support/http.js';
import { complaint, expectError, expectStatus, sleep } from '../../support/api-fixtures.js';
import { RawConnection } from '../../support/raw-http.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

/**
 * Issue 19's costs: what a client can make the server do without a token, by being slow, by being
 * many, or by asking for the whole log four times at once. Limits are small here (one command at
 * a time, one waiting) so each one is reached by a handful of requests.
 */

const RATE = { perSecond: 20, burst: 40 };

describe('abuse limits (issue 19)', () => {
  let app: TestApp;
  let admin: Http;
  let token = '';
  let db: pg.Client;

  beforeAll(async () => {
    app = await startTestApp({
      env: {
        COMMANDS_IN_FLIGHT: '1',
        COMMANDS_WAITING_MAX: '1',
        RATE_LIMIT_PER_SECOND: String(RATE.perSecond),
        RATE_LIMIT_BURST: String(RATE.burst),
        HTTP_REQUEST_TIMEOUT_MS: '2000',
        HTTP_HEADERS_TIMEOUT_MS: '1000',
      },
    });
    token = await app.token('ops', 'admin');
    admin = new Http(app.url).as(token);
    db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await app?.stop();
  });

  /** Holds every reader and writer of the log until `release` (a lock a long walk would hold). */
  async function holdTheLog(): Promise<() => Promise<void>> {
    await db.query('BEGIN');
    await db.query('LOCK TABLE event_store.events IN ACCESS EXCLUSIVE MODE');
    return async () => void (await db.query('ROLLBACK'));
  }

  it('without a token, a body is never read: 401 while the body is still arriving (with one, the server waits for it)', async () => {
    const head = (auth: string) =>
      `POST /cases HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 200000\r\n\r\n${'['.repeat(1000)}`;
    const anonymous = new RawConnection(app.url);
    anonymous.write(head(''));
    expect(await anonymous.status(1000)).toBe(401);
    expect(anonymous.received).toContain('"code":"UNAUTHENTICATED"');
    anonymous.close();
    const authenticated = new RawConnection(app.url);
    authenticated.write(head(`Authorization: Bearer ${token}\r\n`));
    expect(await authenticated.status(500)).toBeNull();
    authenticated.close();
  });

  it('a body sent a byte at a time is cut off by the request timeout (2 s here), headers by the headers timeout (1 s)', async () => {
    const slowBody = new RawConnection(app.url);
    slowBody.write(
      `POST /cases HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`,
    );
    const drip = setInterval(() => slowBody.write(' '), 200);
    const slowHeaders = new RawConnection(app.url);
    slowHeaders.write('GET /health HTTP/1.1\r\nHost: x\r\n');
    const trickle = setInterval(() => slowHeaders.write('X-Slow: 1\r\n'), 200);
    try {
      const [bodyClosedAt, headersClosedAt] = await Promise.all([slowBody.closed, slowHeaders.closed]);
      expect(bodyClosedAt).toBeGreaterThanOrEqual(2000);
      expect(bodyClosedAt).toBeLessThan(4500);
      expect(headersClosedAt).toBeGreaterThanOrEqual(1000);
      expect(headersClosedAt).toBeLessThan(3500);
      expect(slowBody.received).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(drip);
      clearInterval(trickle);
    }
  }, 15_000);

  it('past the rate (20/s, burst 40) one caller gets 429 RATE_LIMITED with Retry-After; another caller is still served', async () => {
    const flooder = new Http(app.url).as(await app.token('flooder', 'auditor'));
    const started = performance.now();
    const replies = await Promise.all(
      Array.from({ length: 120 }, () => flooder.get('/audit/events?limit=1')),
    );
    const seconds = (performance.now() - started) / 1000;
    const limited = replies.filter((r) => r.status === 429);
    const served = replies.filter((r) => r.status === 200).length;
    // The burst, plus what the rate refilled while the 120 were answered; everything else refused.
    expect(served).toBeGreaterThanOrEqual(RATE.burst);
    expect(served).toBeLessThanOrEqual(RATE.burst + Math.ceil(seconds * RATE.perSecond));
    expect(limited.length + served).toBe(120);
    expect(limited.length).toBeGreaterThan(0);
    for (const reply of limited) {
      expectError(reply, 429, 'RATE_LIMITED');
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expectStatus(await admin.get('/audit/events?limit=1'), 200);
    await sleep(Number(limited[0]!.headers.get('retry-after')) * 1000);
    expectStatus(await flooder.get('/audit/events?limit=1'), 200);
  });

  it('GET /audit/verify runs one at a time: a second one meanwhile → 429 VERIFY_IN_PROGRESS with Retry-After; a long one is not cut', async () => {
    const release = await holdTheLog();
    const first = admin.get('/audit/verify');
    await sleep(300);
    const second = await admin.get('/audit/verify');
    expectError(second, 429, 'VERIFY_IN_PROGRESS');
    expect(second.headers.get('retry-after')).toBe('5');
    // Longer than the request timeout (2 s): that timeout is for receiving a request, not answering it.
    await sleep(2500);
    await release();
    const answered = await first;
    expectStatus(answered, 200);
    expect(answered.body.ok).toBe(true);
    expectStatus(await admin.get('/audit/verify'), 200);
  });

  it('past COMMANDS_WAITING_MAX waiting commands → 503 COMMANDS_BUSY with Retry-After; an abandoned command is not executed', async () => {
    const before = await app.store.headPosition();
    const release = await holdTheLog();
    const working = admin.post('/cases', complaint({ subject: 'In flight' }));
    await sleep(300);
    // Waits for the one turn; its client then hangs up.
    const leaver = new RawConnection(app.url);
    const body = JSON.stringify(complaint({ subject: 'Abandoned' }));
    leaver.write(
      `POST /cases HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    await sleep(300);
    const busy = await admin.post('/cases', complaint({ subject: 'One too many' }));
    expectError(busy, 503, 'COMMANDS_BUSY');
    expect(busy.headers.get('retry-after')).toBe('1');
    leaver.close();
    await sleep(300);
    await release();
    expectStatus(await working, 201);
    await sleep(300);
    const subjects = (await app.store.readAll({ after: before }))
      .filter((e) => e.type === 'ComplaintReceived')
      .map((e) => (e.data as { subject: string }).subject);
    expect(subjects).toEqual(['In flight']);
  });
});
