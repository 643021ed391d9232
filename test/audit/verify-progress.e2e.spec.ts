import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { aNewEvent } from '../../libs/event-store/test/contract/contract-context.js';
import { Http } from '../support/http.js';
import { expectStatus, sleep } from '../support/api-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * `GET /audit/verify/progress` (issue 22: real progress for the console's chain verification): the
 * run going now, else the last one finished, as eventsChecked of eventsTotal.
 */
describe('GET /audit/verify/progress', () => {
  let app: TestApp;
  let auditor: Http;
  let db: pg.Client;

  beforeAll(async () => {
    app = await startTestApp();
    auditor = new Http(app.url).as(await app.token('A-1', 'auditor'));
    db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await app?.stop();
  });

  const progress = async () => {
    const reply = await auditor.get('/audit/verify/progress');
    expectStatus(reply, 200);
    return reply.body;
  };
  const eventsInTheLog = async () =>
    Number((await db.query('SELECT count(*) AS n FROM event_store.events')).rows[0].n);

  it('says nothing has run yet, then that a run is going while the log is held, then what the run found', async () => {
    expect(await progress()).toEqual({
      running: false,
      eventsTotal: null,
      eventsChecked: 0,
      streamsChecked: 0,
      startedAt: null,
      finishedAt: null,
    });
    await db.query('BEGIN');
    await db.query('LOCK TABLE event_store.events IN ACCESS EXCLUSIVE MODE');
    const verify = auditor.get('/audit/verify');
    await sleep(300);
    const during = await progress();
    expect(during).toMatchObject({ running: true, eventsChecked: 0, finishedAt: null });
    expect(Date.parse(during.startedAt)).toBeLessThanOrEqual(Date.now());
    await db.query('ROLLBACK');
    const answer = await verify;
    expectStatus(answer, 200);
    const after = await progress();
    expect(after).toMatchObject({
      running: false,
      eventsTotal: await eventsInTheLog(),
      eventsChecked: answer.body.eventsChecked,
      streamsChecked: answer.body.streamsChecked,
      startedAt: during.startedAt,
    });
    expect(Date.parse(after.finishedAt)).toBeGreaterThanOrEqual(Date.parse(during.startedAt));
  });

  it('moves while a long log is walked: some reading between none and all', async () => {
    // 40,000 events in 4,000 streams: long enough to walk that a reading every 20 ms lands inside.
    for (let batch = 0; batch < 10; batch++)
      await app.store.appendToStreams(
        Array.from({ length: 400 }, () => ({
          streamId: `fixture-${randomUUID()}`,
          expectedRevision: 'no_stream' as const,
          events: Array.from({ length: 10 }, () => aNewEvent({ type: 'AuditFixtureRecorded' })),
        })),
      );
    const total = await eventsInTheLog();
    const readings: Array<{ running: boolean; eventsChecked: number }> = [];
    let answered = false;
    const verify = auditor.get('/audit/verify').finally(() => (answered = true));
    while (!answered) {
      readings.push(await progress());
      await sleep(20);
    }
    expect((await verify).body).toMatchObject({ ok: true, eventsChecked: total });
    const between = readings.filter((r) => r.running && r.eventsChecked > 0 && r.eventsChecked < total);
    expect(between.length).toBeGreaterThan(0);
    // Never backwards within the run.
    const checked = readings.filter((r) => r.running).map((r) => r.eventsChecked);
    expect(checked).toEqual([...checked].sort((a, b) => a - b));
    expect(await progress()).toMatchObject({ running: false, eventsTotal: total, eventsChecked: total });
  }, 60_000);
});
