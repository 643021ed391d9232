import { randomUUID } from 'node:crypto';
import { Http, type Reply } from '../support/http.js';
import {
  caller,
  complaint,
  detailPaths,
  expectError,
  expectStatus,
  orderEvent,
  orderPlaced,
  refused,
  sortBody,
  UUID,
} from '../support/api-fixtures.js';
import { serverMonth } from '../support/server-clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The HTTP contract of SPEC §4 beyond the business rules: validation and its details, body size,
 * the error shape, correlation ids, Idempotency-Key, currency, the order-events batch, and the
 * operational routes (/health, /docs-json, /metrics).
 */

describe('HTTP contract (SPEC §4)', () => {
  let app: TestApp;
  let sup: Http, intake: Http, c1: Http, integration: Http, anonymous: Http;
  let caseOfC1 = '';
  let month: string; // the server's month, asked once it is up
  const errors: Reply[] = [];
  const keep = (reply: Reply) => (errors.push(reply), reply);

  beforeAll(async () => {
    app = await startTestApp();
    month = await serverMonth(app.url);
    sup = await caller(app, 'S-1', 'supervisor');
    intake = await caller(app, 'I-1', 'intake');
    c1 = await caller(app, 'C-1', 'correspondent');
    integration = await caller(app, 'orders', 'integration');
    anonymous = new Http(app.url);
    expectStatus(
      await sup.post('/staff', { staffId: 'C-1', name: 'Carla', roles: ['correspondent'], skillLevel: 3 }),
      201,
    );
    expectStatus(await sup.post('/goodwill-budgets', { staffId: 'C-1', month, amountCents: 50_000 }), 201);
    const filed = await intake.post('/cases', complaint());
    caseOfC1 = filed.body.caseId;
    expectStatus(await sup.post(`/cases/${caseOfC1}/sort`, sortBody(1, { assigneeId: 'C-1' })), 200);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  describe('validation', () => {
    it('unknown fields → 400 VALIDATION_FAILED naming every one of them, nested ones too', async () => {
      const reply = keep(
        await refused(
          app,
          () =>
            intake.post('/cases', {
              ...complaint({ complainant: { type: 'customer', id: 'CU-1', nickname: 'x' } }),
              priority: 'high',
              tags: [],
            }),
          400,
          'VALIDATION_FAILED',
        ),
      );
      expect(detailPaths(reply).sort()).toEqual(['complainant.nickname', 'priority', 'tags']);
      const sort = keep(
        await refused(
          app,
          () => sup.post(`/cases/${caseOfC1}/sort`, sortBody(1, { sortedBy: 'me' })),
          400,
          'VALIDATION_FAILED',
        ),
      );
      expect(detailPaths(sort)).toEqual(['sortedBy']);
      const standards = await refused(
        app,
        () =>
          sup.put('/standards', {
            firstResponseHours: { mail: 1, email: 1, web: 1, social: 1, phone: 1, chat: 1, fax: 1 },
            goodwillPctOfSalesGuideline: 1,
            goodwillPerGrantLimitCents: 1,
            refundLimitCents: 1,
            version: 9,
          }),
        400,
        'VALIDATION_FAILED',
      );
      expect(detailPaths(standards).sort()).toEqual(['firstResponseHours.fax', 'version']);
      const patch = await refused(
        app,
        () => sup.patch('/staff/C-1', { active: false, name: 'Renamed' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(detailPaths(patch)).toEqual(['name']);
    });

    it('every offending field is listed, not only the first', async () => {
      const reply = keep(
        await refused(
          app,
          () =>
            intake.post('/cases', { complainant: { type: 'robot' }, subject: '', occurredAt: 'yesterday' }),
          400,
          'VALIDATION_FAILED',
        ),
      );
      expect([...new Set(detailPaths(reply))].sort()).toEqual([
        'body',
        'channel',
        'complainant.id',
        'complainant.type',
        'occurredAt',
        'subject',
      ]);
      for (const detail of reply.body.details)
        expect(detail).toEqual({ path: expect.any(String), message: expect.any(String) });
    });

    it('a NUL character, which PostgreSQL cannot store, → 400 VALIDATION_FAILED naming the field, not a 500', async () => {
      const reply = keep(
        await refused(
          app,
          () => intake.post('/cases', complaint({ body: 'lid cracked\u0000' })),
          400,
          'VALIDATION_FAILED',
        ),
      );
      expect(reply.body.details).toEqual([{ path: 'body', message: expect.stringMatching(/NUL/) }]);
      const cancelled = await refused(
        app,
        () =>
          integration.post('/order-events', {
            events: [orderEvent('OrderCancelled', 'O-NUL', { reason: 'dup\u0000' })],
          }),
        400,
        'VALIDATION_FAILED',
      );
      expect(detailPaths(cancelled)).toEqual(['events.0.reason']);
      const auditor = await caller(app, 'A-1', 'auditor');
      const audit = await refused(
        app,
        () => auditor.get('/audit/events?actorId=a%00b'),
        400,
        'VALIDATION_FAILED',
      );
      expect(detailPaths(audit)).toEqual(['actorId']);
    });

    it('malformed JSON → 400 VALIDATION_FAILED', async () => {
      const reply = keep(
        await refused(
          app,
          () => intake.send('POST', '/cases', '{"channel": "mail",', {}),
          400,
          'VALIDATION_FAILED',
        ),
      );
      expect(reply.body.message).toEqual(expect.any(String));
      keep(
        await refused(
          app,
          () => c1.send('POST', `/cases/${caseOfC1}/responses`, '{channel: mail}', {}),
          400,
          'VALIDATION_FAILED',
        ),
      );
    });

    it('a body over 256 KiB → 413 with the error shape; just under it is read and validated (400)', async () => {
      const head = await app.store.headPosition();
      const over = keep(await intake.post('/cases', complaint({ body: 'x'.repeat(256 * 1024) })));
      expect(over.status).toBe(413);
      expect(over.body).toEqual({ statusCode: 413, code: expect.any(String), message: expect.any(String) });
      expect(await app.store.headPosition()).toBe(head);
      const under = await refused(
        app,
        () => intake.post('/cases', complaint({ body: 'x'.repeat(255 * 1024) })),
        400,
        'VALIDATION_FAILED',
      );
      expect(detailPaths(under)).toEqual(['body']);
    });

    it('an unknown route → 404 with the error shape', async () => {
      for (const [method, path] of [
        ['GET', '/nowhere'],
        ['POST', '/cases/x/escalate'],
        ['DELETE', `/cases/${caseOfC1}`],
        ['GET', '/reports/unknown'],
      ]) {
        const reply = keep(await sup.send(method, path, undefined, {}));
        expect(reply.status).toBe(404);
        expect(reply.body).toEqual({
          statusCode: 404,
          code: expect.any(String),
          message: expect.any(String),
        });
      }
    });

    it('ids in paths are validated too (400 before any lookup)', async () => {
      keep(
        await refused(
          app,
          () => c1.post(`/cases/${encodeURIComponent('a b')}/responses`, { channel: 'email', summary: 'x' }),
          400,
          'VALIDATION_FAILED',
        ),
      );
      keep(await refused(app, () => sup.get(`/cases/${caseOfC1}?asOf=not-a-date`), 400, 'VALIDATION_FAILED'));
      keep(await refused(app, () => sup.get('/cases/%E0%A4%A'), 400, 'VALIDATION_FAILED'));
    });
  });

  describe('correlation ids', () => {
    it('X-Correlation-Id is echoed and recorded as metadata.correlationId', async () => {
      const reply = await intake.post('/cases', complaint(), { 'X-Correlation-Id': 'ticket-4711' });
      expect(reply.status).toBe(201);
      expect(reply.headers.get('x-correlation-id')).toBe('ticket-4711');
      const [event] = await app.store.readStream(`case-${reply.body.caseId}`);
      expect(event.metadata.correlationId).toBe('ticket-4711');
    });

    it('without one, an id is generated, echoed and recorded; errors echo it too', async () => {
      const reply = await intake.post('/cases', complaint());
      const generated = reply.headers.get('x-correlation-id');
      expect(generated).toEqual(expect.stringMatching(/\S{8,}/));
      const [event] = await app.store.readStream(`case-${reply.body.caseId}`);
      expect(event.metadata.correlationId).toBe(generated);
      const other = await intake.post('/cases', complaint());
      expect(other.headers.get('x-correlation-id')).not.toBe(generated);
      const failed = keep(
        await sup.post(
          '/cases/no-such-case/resolve',
          { resolution: 'x' },
          { 'X-Correlation-Id': 'failing-1' },
        ),
      );
      expect(failed.headers.get('x-correlation-id')).toBe('failing-1');
      expect(
        (await anonymous.get('/nowhere', { 'X-Correlation-Id': 'lost-1' })).headers.get('x-correlation-id'),
      ).toBe('lost-1');
    });
  });

  describe('Idempotency-Key', () => {
    it('POST /cases: the same key and body answer the first answer and append nothing; another body → 422 IDEMPOTENCY_KEY_REUSED', async () => {
      const key = randomUUID();
      const body = complaint();
      const first = await intake.post('/cases', body, { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      const head = await app.store.headPosition();
      // The same JSON with its members in another order is the same body.
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      for (const again of [body, reordered]) {
        const replay = await intake.post('/cases', again, { 'Idempotency-Key': key });
        expect({ status: replay.status, body: replay.body }).toEqual({
          status: first.status,
          body: first.body,
        });
      }
      expect(await app.store.headPosition()).toBe(head);
      keep(
        await refused(
          app,
          () => intake.post('/cases', { ...body, subject: 'Something else' }, { 'Idempotency-Key': key }),
          422,
          'IDEMPOTENCY_KEY_REUSED',
        ),
      );
      const [event] = await app.store.readStream(`case-${first.body.caseId}`);
      expect(event.metadata.idempotencyKey).toBe(key);
    });

    it('on a case command', async () => {
      const key = randomUUID();
      const body = { channel: 'email', summary: 'Replacement sent.' };
      const first = await c1.post(`/cases/${caseOfC1}/responses`, body, { 'Idempotency-Key': key });
      expect(first.status).toBe(200);
      const head = await app.store.headPosition();
      const replay = await c1.post(`/cases/${caseOfC1}/responses`, body, { 'Idempotency-Key': key });
      expect({ status: replay.status, body: replay.body }).toEqual({
        status: first.status,
        body: first.body,
      });
      expect(await app.store.headPosition()).toBe(head);
      keep(
        await refused(
          app,
          () =>
            c1.post(
              `/cases/${caseOfC1}/responses`,
              { ...body, summary: 'Other' },
              { 'Idempotency-Key': key },
            ),
          422,
          'IDEMPOTENCY_KEY_REUSED',
        ),
      );
      const grantKey = randomUUID();
      const grant = await c1.post(
        `/cases/${caseOfC1}/goodwill`,
        { kind: 'credit', amountCents: 500, reason: 'Sorry' },
        { 'Idempotency-Key': grantKey },
      );
      expect(grant.status).toBe(201);
      const grantReplay = await c1.post(
        `/cases/${caseOfC1}/goodwill`,
        { kind: 'credit', amountCents: 500, reason: 'Sorry' },
        { 'Idempotency-Key': grantKey },
      );
      expect({ status: grantReplay.status, body: grantReplay.body }).toEqual({
        status: 201,
        body: grant.body,
      });
      const shown = await sup.get(`/cases/${caseOfC1}`);
      expect(shown.body).toMatchObject({ responses: 1, goodwillCents: 500 });
    });

    it('on POST /order-events', async () => {
      const key = randomUUID();
      const body = { events: [orderPlaced('O-IDEM', 1000)] };
      const first = await integration.post('/order-events', body, { 'Idempotency-Key': key });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        appended: 1,
        duplicates: [],
        globalPosition: await app.store.headPosition(),
      });
      const head = await app.store.headPosition();
      const replay = await integration.post('/order-events', body, { 'Idempotency-Key': key });
      expect({ status: replay.status, body: replay.body }).toEqual({
        status: first.status,
        body: first.body,
      });
      expect(await app.store.headPosition()).toBe(head);
      keep(
        await refused(
          app,
          () =>
            integration.post(
              '/order-events',
              { events: [orderPlaced('O-IDEM-2', 1000)] },
              { 'Idempotency-Key': key },
            ),
          422,
          'IDEMPOTENCY_KEY_REUSED',
        ),
      );
    });

    it('the same key fired in parallel opens one case and answers every request alike', async () => {
      const key = randomUUID();
      const body = complaint();
      const replies = await Promise.all(
        Array.from({ length: 5 }, () => intake.post('/cases', body, { 'Idempotency-Key': key })),
      );
      expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      for (const reply of replies) expect(reply.body).toEqual(replies[0].body);
      expect(await app.store.readStream(`case-${replies[0].body.caseId}`)).toHaveLength(1);
    });
  });

  describe('currency', () => {
    it.each([
      [
        'goodwill',
        () => `/cases/${caseOfC1}/goodwill`,
        () => ({ kind: 'credit', amountCents: 100, reason: 'x' }),
      ],
      [
        'refunds',
        () => `/cases/${caseOfC1}/refunds`,
        () => ({ orderId: 'O-IDEM', amountCents: 100, reason: 'x' }),
      ],
      ['goodwill-budgets', () => '/goodwill-budgets', () => ({ staffId: 'C-1', month, amountCents: 100 })],
    ])('another currency on %s → 400 with currency in details', async (_, path, bodyOf) => {
      const body = bodyOf(); // at run time: the month is the server's, known once it is up
      const as = path().startsWith('/goodwill-budgets') ? sup : c1;
      const reply = keep(
        await refused(app, () => as.post(path(), { ...body, currency: 'EUR' }), 400, 'VALIDATION_FAILED'),
      );
      expect(detailPaths(reply)).toEqual(['currency']);
      expect((await as.post(path(), { ...body, currency: 'USD' })).status).toBe(201);
    });

    it('another currency in POST /order-events → 400 naming the event’s currency', async () => {
      const reply = keep(
        await refused(
          app,
          () =>
            integration.post('/order-events', { events: [orderPlaced('O-EUR', 100, { currency: 'EUR' })] }),
          400,
          'VALIDATION_FAILED',
        ),
      );
      expect(detailPaths(reply)).toEqual(['events.0.currency']);
    });
  });

  describe('POST /order-events', () => {
    it('takes 1 to 1000 events: 0 or 1001 → 400', async () => {
      keep(
        await refused(app, () => integration.post('/order-events', { events: [] }), 400, 'VALIDATION_FAILED'),
      );
      const many = (n: number) =>
        Array.from({ length: n }, (_, i) => orderEvent('OrderShipped', `O-BULK-${i % 50}`));
      const tooMany = await refused(
        app,
        () => integration.post('/order-events', { events: many(1001) }),
        400,
        'VALIDATION_FAILED',
      );
      expect(detailPaths(tooMany)).toEqual(['events']);
      const head = await app.store.headPosition();
      const full = await integration.post('/order-events', { events: many(1000) });
      expect(full.status).toBe(200);
      expect(full.body).toEqual({
        appended: 1000,
        duplicates: [],
        globalPosition: await app.store.headPosition(),
      });
      expect(full.body.globalPosition).toBeGreaterThanOrEqual(head + 1000);
    });

    it('one invalid event → 400 naming its index, and none of the batch is appended', async () => {
      const events = [
        orderPlaced('O-V1', 100),
        orderPlaced('O-V2', 200),
        orderEvent('OrderShipped', 'O-V1'),
        orderEvent('OrderPlaced', 'O-V3', { distributorId: 'D-1' }),
        orderEvent('OrderReturned', 'O-V1', { amountCents: 10 }),
      ];
      const reply = keep(
        await refused(app, () => integration.post('/order-events', { events }), 400, 'VALIDATION_FAILED'),
      );
      expect(detailPaths(reply)).toEqual(['events.3.totalCents']);
      const unknownField = await refused(
        app,
        () =>
          integration.post('/order-events', {
            events: [orderPlaced('O-V4', 1), { ...orderPlaced('O-V5', 1), coupon: 'X' }],
          }),
        400,
        'VALIDATION_FAILED',
      );
      expect(detailPaths(unknownField)).toEqual(['events.1.coupon']);
      expect(await app.store.readEventsById(events.map((e) => e.eventId as string))).toEqual([]);
    });

    it('a day that does not exist (2026-02-30) → 400 naming its occurredAt, not an event in March', async () => {
      const event = orderPlaced('O-FEB30', 100, { occurredAt: '2026-02-30T08:30:00.000Z' });
      const reply = keep(
        await refused(
          app,
          () => integration.post('/order-events', { events: [event] }),
          400,
          'VALIDATION_FAILED',
        ),
      );
      expect(reply.body.details).toEqual([{ path: 'events.0.occurredAt', message: 'Not a real date-time' }]);
      expect(await app.store.readStream('order-O-FEB30')).toEqual([]);
    });

    it('an eventId already in the log or twice in the batch counts once and is listed in duplicates', async () => {
      const known = orderPlaced('O-DUP', 4200);
      expect((await integration.post('/order-events', { events: [known] })).body.appended).toBe(1);
      const twice = orderEvent('OrderShipped', 'O-DUP', { carrier: 'UPS' });
      const fresh = orderEvent('OrderReturned', 'O-DUP', { amountCents: 100 });
      const reply = await integration.post('/order-events', { events: [known, twice, twice, fresh] });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        appended: 2,
        duplicates: expect.arrayContaining([known.eventId, twice.eventId]),
        globalPosition: await app.store.headPosition(),
      });
      expect(reply.body.duplicates).toHaveLength(2);
      expect((await app.store.readStream('order-O-DUP')).map((e) => e.type)).toEqual([
        'OrderPlaced',
        'OrderShipped',
        'OrderReturned',
      ]);
    });

    it('an eventId the log holds under another order is a duplicate too; the rest of the batch goes in', async () => {
      const known = orderPlaced('O-FIRST-HOME', 500);
      expectStatus(await integration.post('/order-events', { events: [known] }), 200);
      const moved = { ...known, orderId: 'O-SECOND-HOME' };
      const fresh = orderPlaced('O-BESIDE-MOVED', 600);
      const reply = await integration.post('/order-events', { events: [moved, fresh] });
      expect(reply.status).toBe(200);
      const beside = await app.store.readStream('order-O-BESIDE-MOVED');
      expect(reply.body).toEqual({
        appended: 1,
        duplicates: [known.eventId],
        globalPosition: beside[0]!.globalPosition,
      });
      expect(beside.map((e) => e.eventId)).toEqual([fresh.eventId]);
      expect(await app.store.readStream('order-O-SECOND-HOME')).toEqual([]);
    });

    it('an OrderPlaced for an order the log already knows goes after its facts, beside new orders in the batch', async () => {
      // The handler first writes a batch's OrderPlaced orders as new streams; here one is not.
      const shippedFirst = orderEvent('OrderShipped', 'O-LATE');
      expectStatus(await integration.post('/order-events', { events: [shippedFirst] }), 200);
      const late = orderPlaced('O-LATE', 700);
      const fresh = orderPlaced('O-NEW-BESIDE', 800);
      const reply = await integration.post('/order-events', { events: [fresh, late] });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        appended: 2,
        duplicates: [],
        globalPosition: await app.store.headPosition(),
      });
      const lateStream = await app.store.readStream('order-O-LATE');
      expect(lateStream.map((e) => [e.eventId, e.streamRevision])).toEqual([
        [shippedFirst.eventId, 0],
        [late.eventId, 1],
      ]);
      expect(lateStream[1]!.prevHash).toBe(lateStream[0]!.hash);
      expect((await app.store.readStream('order-O-NEW-BESIDE')).map((e) => e.eventId)).toEqual([
        fresh.eventId,
      ]);
    });

    it('an eventId is one event whatever the letter case of its UUID', async () => {
      const known = orderPlaced('O-CASE', 4200);
      expectStatus(await integration.post('/order-events', { events: [known] }), 200);
      const head = await app.store.headPosition();
      const upper = { ...known, eventId: (known.eventId as string).toUpperCase() };
      const again = await integration.post('/order-events', { events: [upper] });
      expect(again.body).toEqual({ appended: 0, duplicates: [known.eventId], globalPosition: head });
      const fresh = orderEvent('OrderShipped', 'O-CASE');
      const mixed = { ...fresh, eventId: (fresh.eventId as string).toUpperCase() };
      const batch = await integration.post('/order-events', { events: [fresh, mixed] });
      expect(batch.status).toBe(200);
      const stored = await app.store.readStream('order-O-CASE');
      expect(stored.map((e) => e.eventId)).toEqual([known.eventId, fresh.eventId]);
      // Positions only grow (they are not consecutive): the answer names the fresh event's.
      expect(batch.body).toEqual({
        appended: 1,
        duplicates: [fresh.eventId],
        globalPosition: stored[1]!.globalPosition,
      });
      expect(stored[1]!.globalPosition).toBeGreaterThan(head);
    });

    it('racing deliveries of one new eventId: their `appended` add up to 1 and the others list it in duplicates', async () => {
      const placed = orderPlaced('O-RACE', 990);
      const replies = await Promise.all(
        Array.from({ length: 10 }, () => integration.post('/order-events', { events: [placed] })),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(replies.reduce((sum, r) => sum + r.body.appended, 0)).toBe(1);
      expect(replies.filter((r) => r.body.duplicates.includes(placed.eventId))).toHaveLength(9);
      expect((await app.store.readStream('order-O-RACE')).map((e) => e.eventId)).toEqual([placed.eventId]);
    });

    it('when nothing is appended, globalPosition is the log’s last position', async () => {
      const known = orderPlaced('O-NOOP', 100);
      expectStatus(await integration.post('/order-events', { events: [known] }), 200);
      expectStatus(await intake.post('/cases', complaint()), 201); // the log moves on elsewhere
      const head = await app.store.headPosition();
      const reply = await integration.post('/order-events', { events: [known, known] });
      expect(reply.body).toEqual({
        appended: 0,
        duplicates: [known.eventId, known.eventId],
        globalPosition: head,
      });
      expect(await app.store.headPosition()).toBe(head);
    });
  });

  describe('answers', () => {
    it('positions and revisions are JSON numbers; eventIds are UUIDs', async () => {
      const reply = await intake.post('/cases', complaint());
      expect(typeof reply.body.revision).toBe('number');
      expect(typeof reply.body.globalPosition).toBe('number');
      for (const id of reply.body.eventIds) expect(id).toMatch(UUID);
      const shown = await sup.get(`/cases/${reply.body.caseId}`);
      expect(typeof shown.body.revision).toBe('number');
    });
  });

  describe('operations', () => {
    it('/health answers 200 without a token', async () => {
      const reply = await anonymous.get('/health');
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(/application\/json/);
    });

    it('/docs serves the OpenAPI UI without a token', async () => {
      const reply = await anonymous.get('/docs');
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(/text\/html/);
    });

    it('/docs-json is an OpenAPI document listing every route of the API', async () => {
      const reply = await anonymous.get('/docs-json');
      expect(reply.status).toBe(200);
      expect(reply.body.openapi).toMatch(/^3\./);
      const routes = Object.entries(reply.body.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
      );
      // Exactly SPEC §4's table, §7.1's digest routes and the console's read routes (README, The
      // console): a route missing from the document, or one nobody lists, fails.
      expect([...routes].sort()).toEqual(
        [
          'POST /staff',
          'PATCH /staff/{staffId}',
          'PUT /standards',
          'POST /goodwill-budgets',
          'POST /cases',
          'POST /cases/{id}/sort',
          'POST /cases/{id}/assign',
          'POST /cases/{id}/responses',
          'POST /cases/{id}/follow-ups',
          'POST /cases/{id}/follow-ups/{fid}/complete',
          'POST /cases/{id}/goodwill',
          'POST /cases/{id}/refunds',
          'POST /cases/{id}/resolve',
          'POST /cases/{id}/reopen',
          'POST /cases/{id}/satisfaction',
          'POST /order-events',
          'GET /cases/{id}',
          'GET /cases/{id}/history',
          'GET /reports/rep-workload',
          'GET /reports/goodwill',
          'GET /reports/follow-through',
          'GET /audit/events',
          'GET /audit/verify',
          // The console's progress bar over a verification (issue 22).
          'GET /audit/verify/progress',
          // SPEC §7.1: the signed log digests and the keys that verify them.
          'GET /audit/digests',
          'GET /audit/digests/latest',
          'GET /audit/public-keys',
          // The console's reads (issue 22), from read models.
          'GET /cases',
          'GET /standards',
          'GET /goodwill-budgets/{staffId}/{month}',
          'GET /health',
          'GET /metrics',
          // SPEC §4's opening line: the OpenAPI document at /docs (UI) and /docs-json.
          'GET /docs',
          'GET /docs-json',
        ].sort(),
      );
      // Every write documents its JSON body with a schema (what a client generates from), not just "a body".
      const writes = routes.filter((r) => !r.startsWith('GET '));
      const documented = writes.filter((r) => {
        const [method, path] = r.split(' ') as [string, string];
        return (
          reply.body.paths[path][method.toLowerCase()].requestBody?.content?.['application/json']?.schema !==
          undefined
        );
      });
      expect(documented).toEqual(writes);
    });

    it('/metrics is Prometheus text', async () => {
      const reply = await anonymous.get('/metrics');
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = reply.body as string;
      const lines = text.split('\n').filter((l) => l !== '');
      for (const line of lines)
        expect(line).toMatch(
          /^(# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+|[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? [-+]?[0-9.eE+-]+|[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? (NaN|[+-]Inf))$/,
        );
      const head = /^caseledger_log_head_position (\d+)$/m.exec(text);
      expect(Number(head?.[1])).toBe(await app.store.headPosition());
      // Nothing else is running: no command in flight, none waiting, the default cap.
      expect(text).toMatch(/^caseledger_commands_in_flight 0$/m);
      expect(text).toMatch(/^caseledger_commands_waiting 0$/m);
      expect(text).toMatch(/^caseledger_commands_in_flight_limit 16$/m);
      // Counters, each typed: sessions opened, and conflicts and retries per command type once it ran.
      expect(text).toMatch(/^caseledger_db_connections_opened_total [1-9]\d*$/m);
      for (const counter of ['db_connections_opened', 'command_conflicts', 'command_retries'])
        expect(text).toContain(`# TYPE caseledger_${counter}_total counter`);
      expect(text).toMatch(/^caseledger_command_conflicts_total\{command="ReceiveComplaint"\} \d+$/m);
    });
  });

  it('no error body carries a stack trace or anything beyond { statusCode, code, message, details }', async () => {
    errors.push(
      await anonymous.post('/cases', complaint()),
      await new Http(app.url, 'x.y.z').get('/cases/x'),
      await (await caller(app, 'A-1', 'auditor')).post('/cases', complaint()),
    );
    expect(errors.length).toBeGreaterThan(20);
    const statuses = new Set(errors.map((e) => e.status));
    expect([...statuses].sort()).toEqual(expect.arrayContaining([400, 401, 403, 404, 413, 422]));
    for (const reply of errors) {
      expectError(reply, reply.status, reply.body.code);
      expect(JSON.stringify(reply.body)).not.toMatch(/stack|\bat \S+ \(|\.ts:\d+|node_modules/i);
    }
  });
});
