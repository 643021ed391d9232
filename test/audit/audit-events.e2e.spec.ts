import { randomUUID } from 'node:crypto';
import { caller, detailPaths, expectError, refused } from '../support/api-fixtures.js';
import { Http } from '../support/http.js';
import type { TestApp } from '../support/test-app.js';
import { logSize, startAuditApp } from './support/audit-app.js';
import { aDepartmentDay, ORDER_TIMES, type AuditScenario } from './support/audit-scenario.js';

/** `GET /audit/events` (SPEC §4): each filter, paging by `after`, page sizes; who reaches /audit/*. */
describe('the audit trail', () => {
  let app: TestApp;
  let day: AuditScenario;
  let auditor: Http;
  /** Every event, read once through the database's own count and the API with the largest page. */
  let everything: any[];

  beforeAll(async () => {
    app = await startAuditApp();
    day = await aDepartmentDay(app);
    auditor = day.auditor;
    // Over a default page: 120 more upstream orders, in one batch.
    const integration = await caller(app, 'order-system', 'integration');
    const batch = Array.from({ length: 120 }, (_, i) => ({
      eventId: randomUUID(),
      type: 'OrderPlaced',
      orderId: `O-BULK-${i}`,
      occurredAt: '2025-06-01T00:00:00.000Z',
      distributorId: 'D-9',
      totalCents: 100,
    }));
    expect((await integration.post('/order-events', { events: batch })).status).toBe(200);
    everything = (await auditor.get('/audit/events?limit=1000')).body.events;
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  const trail = async (query: string) => {
    const reply = await auditor.get(`/audit/events?${query}`);
    if (reply.status !== 200) throw new Error(`${query}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body as { events: any[]; next: number | null };
  };

  describe('paging', () => {
    it('one large page holds the whole log in global order, with full envelopes, and next null', async () => {
      const { events } = await logSize(app.databaseUrl);
      expect(everything).toHaveLength(events);
      const positions = everything.map((e) => e.globalPosition);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(positions.length);
      expect(Object.keys(everything[0]).sort()).toEqual(
        [
          'data',
          'eventId',
          'globalPosition',
          'hash',
          'metadata',
          'occurredAt',
          'prevHash',
          'recordedAt',
          'streamId',
          'streamRevision',
          'type',
        ].sort(),
      );
      expect((await trail('limit=1000')).next).toBeNull();
    });

    it('without limit a page holds 100 events and next is the last position of the page', async () => {
      const page = await trail('');
      expect(page.events).toEqual(everything.slice(0, 100));
      expect(page.next).toBe(everything[99].globalPosition);
    });

    it('following next page by page gives every event once, and the last page says next: null', async () => {
      const seen: any[] = [];
      let after = 0;
      let pages = 0;
      for (;;) {
        const page = await trail(`limit=7&after=${after}`);
        pages += 1;
        seen.push(...page.events);
        if (page.next === null) break;
        expect(page.events).toHaveLength(7);
        after = page.next;
      }
      expect(seen).toEqual(everything);
      expect(pages).toBe(Math.ceil(everything.length / 7));
    });

    it('after is exclusive: the page starts with the event following that position', async () => {
      const page = await trail(`after=${everything[4].globalPosition}&limit=2`);
      expect(page.events).toEqual(everything.slice(5, 7));
      expect(await trail(`after=${everything.at(-1).globalPosition}`)).toEqual({ events: [], next: null });
    });

    it('limit 1 and 1000 are accepted; 0, 1001 and non-numbers are 400 VALIDATION_FAILED naming limit', async () => {
      expect((await trail('limit=1')).events).toEqual(everything.slice(0, 1));
      expect((await trail('limit=1000')).events).toHaveLength(everything.length);
      for (const limit of ['0', '1001', '-1', 'ten', '2.5']) {
        const reply = await auditor.get(`/audit/events?limit=${limit}`);
        expectError(reply, 400, 'VALIDATION_FAILED');
        expect(detailPaths(reply)).toEqual(['limit']);
      }
    });
  });

  describe('filters', () => {
    it('actorId: only what C-2 decided — the response, the grant and the refund on case A', async () => {
      const { events } = await trail('actorId=C-2');
      expect(events.map((e) => [e.type, e.metadata.actorId])).toEqual([
        ['ResponseSent', 'C-2'],
        ['GoodwillGranted', 'C-2'],
        ['RefundIssued', 'C-2'],
      ]);
    });

    it('type: only the goodwill grant', async () => {
      const { events } = await trail('type=GoodwillGranted');
      expect(events.map((e) => [e.streamId, e.streamRevision, e.data.grantId])).toEqual([
        ['goodwill-C-2', 1, 'G-1'],
      ]);
    });

    it('streamId: case A’s own stream, revision by revision', async () => {
      const { events } = await trail(`streamId=case-${day.caseA}`);
      expect(events.map((e) => e.streamRevision)).toEqual(events.map((_, i) => i));
      expect(events.map((e) => e.type)).toEqual([
        'ComplaintReceived',
        'CaseSorted',
        'CaseAssigned',
        'ResponseSent',
      ]);
    });

    it('from/to select by business time (occurredAt), [from, to): from included, to excluded', async () => {
      const [january, february, march] = ORDER_TIMES;
      const ids = async (query: string) =>
        (await trail(`type=OrderPlaced&limit=1000&${query}`)).events.map((e) => e.data.orderId);
      expect(await ids(`from=${february}&to=${march}`)).toEqual(['O-2']);
      expect(await ids(`from=${january}&to=${february}`)).toEqual(['O-1']);
      expect(await ids(`from=${march}&to=2026-03-01T00:00:00.001Z`)).toEqual(['O-3']);
      expect(await ids(`from=2026-01-01T00:00:00Z`)).toEqual(['O-1', 'O-2', 'O-3']);
      // Recorded today, occurred in January: a filter by recorded time would not find it here.
      expect(await ids(`to=${february}`)).toEqual([
        'O-1',
        ...Array.from({ length: 120 }, (_, i) => `O-BULK-${i}`),
      ]);
    });

    it('the OpenAPI document says from/to are business time (occurredAt)', async () => {
      const docs = await new Http(app.url).get('/docs-json');
      const operation = docs.body.paths['/audit/events'].get;
      expect(operation.description).toContain('BUSINESS time (occurredAt)');
      const params = Object.fromEntries(
        operation.parameters.filter((p: any) => p.in === 'query').map((p: any) => [p.name, p.description]),
      );
      expect(params.from).toContain('occurredAt');
      expect(params.to).toContain('occurredAt');
      expect(Object.keys(params).sort()).toEqual([
        'actorId',
        'after',
        'from',
        'limit',
        'streamId',
        'to',
        'type',
      ]);
    });

    it('filters combine: every one given must match, and paging works within them', async () => {
      const first = await trail(
        'type=OrderPlaced&from=2025-01-01T00:00:00Z&to=2025-12-31T00:00:00Z&limit=100',
      );
      expect(first.events).toHaveLength(100);
      const rest = await trail(
        `type=OrderPlaced&from=2025-01-01T00:00:00Z&to=2025-12-31T00:00:00Z&after=${first.next}`,
      );
      expect(rest.events.map((e) => e.data.orderId)).toEqual(
        Array.from({ length: 20 }, (_, i) => `O-BULK-${100 + i}`),
      );
      expect(rest.next).toBeNull();
      expect((await trail('actorId=C-2&type=RefundIssued')).events.map((e) => e.data.refundId)).toEqual([
        'R-1',
      ]);
      expect((await trail('actorId=C-1&type=RefundIssued')).events).toEqual([]);
    });

    it('rejects every bad parameter at once with 400 VALIDATION_FAILED: unknown names, bad dates, from ≥ to, bad after', async () => {
      const reply = await auditor.get('/audit/events?actor=C-2&from=yesterday&after=-3');
      expectError(reply, 400, 'VALIDATION_FAILED');
      expect([...new Set(detailPaths(reply))].sort()).toEqual(['actor', 'after', 'from']);
      const backwards = await auditor.get(`/audit/events?from=${ORDER_TIMES[2]}&to=${ORDER_TIMES[1]}`);
      expectError(backwards, 400, 'VALIDATION_FAILED');
      expect(detailPaths(backwards)).toEqual(['to']);
      expect(detailPaths(await auditor.get('/audit/events?type=A&type=B'))).toEqual(['type']);
    });
  });

  describe('who reaches /audit/*', () => {
    const OTHER_ROLES = ['intake', 'sorter', 'correspondent', 'supervisor', 'analyst', 'integration'];

    it.each(['/audit/verify', '/audit/events'])(
      '%s: 200 for auditor and admin, 403 FORBIDDEN for every other role, 401 without a token',
      async (path) => {
        expect((await auditor.get(path)).status).toBe(200);
        expect((await day.admin.get(path)).status).toBe(200);
        for (const role of OTHER_ROLES)
          expectError(await (await caller(app, `${role}-1`, role)).get(path), 403, 'FORBIDDEN');
        // Several roles, none of them auditor or admin: still no.
        expectError(await (await caller(app, 'multi', ...OTHER_ROLES)).get(path), 403, 'FORBIDDEN');
        expectError(await new Http(app.url).get(path), 401, 'UNAUTHENTICATED');
      },
    );

    // Every command of SPEC §4, with a real case: an auditor reads, never decides.
    const commands = (caseId: string): Array<[string, string, unknown]> => [
      ['POST', '/staff', { staffId: 'X-1', name: 'X', roles: ['auditor'], skillLevel: 1 }],
      ['PATCH', '/staff/C-1', { active: false }],
      ['PUT', '/standards', {}],
      ['POST', '/goodwill-budgets', { staffId: 'C-2', month: '2026-09', amountCents: 100 }],
      [
        'POST',
        '/cases',
        { channel: 'mail', complainant: { type: 'customer', id: 'CU-1' }, subject: 'S', body: 'B' },
      ],
      [
        'POST',
        `/cases/${caseId}/sort`,
        { category: 'product', complexity: 1, priority: 'low', assigneeId: 'C-1' },
      ],
      ['POST', `/cases/${caseId}/assign`, { assigneeId: 'C-1', reason: 'manual' }],
      ['POST', `/cases/${caseId}/responses`, { channel: 'email', summary: 'S' }],
      ['POST', `/cases/${caseId}/follow-ups`, { dueAt: '2030-01-01T00:00:00Z', description: 'D' }],
      ['POST', `/cases/${caseId}/follow-ups/FU-1/complete`, {}],
      [
        'POST',
        `/cases/${caseId}/goodwill`,
        { kind: 'credit', amountCents: 100, reason: 'R', staffId: 'C-2' },
      ],
      ['POST', `/cases/${caseId}/refunds`, { orderId: 'O-1', amountCents: 100, reason: 'R' }],
      ['POST', `/cases/${caseId}/resolve`, { resolution: 'R' }],
      ['POST', `/cases/${caseId}/reopen`, { reason: 'R' }],
      ['POST', `/cases/${caseId}/satisfaction`, { rating: 'satisfied' }],
      [
        'POST',
        '/order-events',
        {
          events: [
            {
              eventId: randomUUID(),
              type: 'OrderPlaced',
              orderId: 'O-X',
              occurredAt: '2026-01-01T00:00:00Z',
              distributorId: 'D-1',
              totalCents: 1,
            },
          ],
        },
      ],
    ];

    it('an auditor calling any command gets 403 FORBIDDEN and nothing is appended', async () => {
      const list = commands(day.caseA);
      expect(list).toHaveLength(16);
      for (const [method, path, body] of list) {
        const reply = await refused(app, () => auditor.send(method, path, body), 403, 'FORBIDDEN');
        expect(reply.body.message).not.toContain('auditor');
      }
    });
  });
});
