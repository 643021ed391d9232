import { createHash } from 'node:crypto';
import type { Http } from '../support/http.js';
import { caller, expectStatus, ISO_MS, sleep, UUID } from '../support/api-fixtures.js';
import { serverMonth } from '../support/server-clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The newcomer's path of issue 4, through real HTTP on a real PostgreSQL: set up the department,
 * file a complaint, sort, respond, follow up, goodwill, refund against an ingested order, resolve,
 * rate — then read the case, the case as it was, and its tamper-evident history.
 */

// RFC 8785 (JCS), written here from the RFC rather than taken from the project: members sorted by
// UTF-16 code units, no whitespace, strings and numbers as ECMAScript serialises them.
function jcs(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('not I-JSON');
    return Object.is(value, -0) ? '0' : String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).filter((k) => object[k] !== undefined);
  keys.sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = a.charCodeAt(i) - b.charCodeAt(i);
      if (d !== 0) return d;
    }
    return a.length - b.length;
  });
  return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs(object[k])}`).join(',')}}`;
}

interface Envelope {
  eventId: string;
  type: string;
  streamId: string;
  streamRevision: number;
  globalPosition: number;
  occurredAt: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  hash: string;
  prevHash: string;
}

const ZEROS = '0'.repeat(64);

function recomputeHash(e: Envelope): string {
  const { eventId, type, streamId, streamRevision, occurredAt, recordedAt, data, metadata } = e;
  const canonical = jcs({ eventId, type, streamId, streamRevision, occurredAt, recordedAt, data, metadata });
  return createHash('sha256')
    .update(e.prevHash + canonical, 'utf8')
    .digest('hex');
}

// One story: the tests are its steps, in order, each building on the one before (not independent tests).
describe('walkthrough: a complaint from arrival to rating (steps in order, each building on the last)', () => {
  let app: TestApp;
  let admin: Http,
    supervisor: Http,
    sorter: Http,
    intake: Http,
    colin: Http,
    integration: Http,
    auditor: Http,
    analyst: Http;
  let month: string; // the server's month, asked once it is up

  // Filled in as the walk goes on.
  let caseId = '';
  let warmUpCaseId = '';
  const answers: Record<string, any> = {};
  let beforeFiling = '';
  let beforeGoodwill = '';
  let beforeResolve = '';

  beforeAll(async () => {
    app = await startTestApp();
    month = await serverMonth(app.url);
    admin = await caller(app, 'admin', 'admin');
    supervisor = await caller(app, 'S-1', 'supervisor');
    sorter = await caller(app, 'SO-1', 'sorter');
    intake = await caller(app, 'intake-desk', 'intake');
    colin = await caller(app, 'C-2', 'correspondent');
    integration = await caller(app, 'order-system', 'integration');
    auditor = await caller(app, 'AU-1', 'auditor');
    analyst = await caller(app, 'AN-1', 'analyst');
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('registers the department: a supervisor, a sorter and two correspondents with skill levels', async () => {
    const first = await admin.post('/staff', {
      staffId: 'S-1',
      name: 'Sam Supervisor',
      roles: ['supervisor'],
      skillLevel: 5,
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      streamId: 'staff-S-1',
      revision: 0,
      eventIds: [expect.stringMatching(UUID)],
      globalPosition: expect.any(Number),
      staffId: 'S-1',
    });
    for (const [staffId, name, roles, skillLevel] of [
      ['SO-1', 'Sue Sorter', ['sorter'], 5],
      ['C-1', 'Carla Correspondent', ['correspondent'], 3],
      ['C-2', 'Colin Correspondent', ['correspondent'], 4],
    ] as const) {
      const reply = await supervisor.post('/staff', { staffId, name, roles, skillLevel });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ streamId: `staff-${staffId}`, revision: 0, staffId });
    }
  });

  it('files a warm-up complaint that auto-assignment gives to C-1 (equal loads: smallest staffId)', async () => {
    const filed = await intake.post('/cases', {
      channel: 'phone',
      complainant: { type: 'customer', id: 'CU-9' },
      subject: 'Where is my parcel?',
      body: 'Ordered two weeks ago.',
    });
    expectStatus(filed, 201);
    warmUpCaseId = filed.body.caseId;
    const sorted = await sorter.post(`/cases/${warmUpCaseId}/sort`, {
      category: 'shipping',
      complexity: 2,
      priority: 'low',
    });
    expectStatus(sorted, 200);
    expect(sorted.body.assigneeId).toBe('C-1');
  });

  it('files the complaint: 201 with the new case id, the stream and its revision', async () => {
    beforeFiling = new Date(Date.now() - 5).toISOString();
    const filed = await intake.post(
      '/cases',
      {
        channel: 'email',
        complainant: { type: 'distributor', id: 'D-17', name: 'Dana Reyes' },
        orderId: 'O-1001',
        subject: 'Über-Mixer: broken lid',
        body: 'The lid of my blender arrived cracked — again ✗.',
      },
      { 'X-Correlation-Id': 'walk-file' },
    );
    expect(filed.status).toBe(201);
    caseId = filed.body.caseId;
    expect(caseId).toMatch(UUID);
    expect(filed.body).toEqual({
      streamId: `case-${caseId}`,
      revision: 0,
      eventIds: expect.arrayContaining([expect.stringMatching(UUID)]),
      globalPosition: expect.any(Number),
      caseId,
    });
    expect(filed.headers.get('x-correlation-id')).toBe('walk-file');
    answers.file = filed.body;
  });

  it('sorts it: auto-assignment skips C-1 (weighted load 2) for C-2 (load 0)', async () => {
    const sorted = await sorter.post(
      `/cases/${caseId}/sort`,
      { category: 'product', complexity: 2, priority: 'normal' },
      { 'X-Correlation-Id': 'walk-sort' },
    );
    expect(sorted.status).toBe(200);
    expect(sorted.body).toEqual({
      streamId: `case-${caseId}`,
      revision: 2,
      eventIds: [expect.stringMatching(UUID), expect.stringMatching(UUID)],
      globalPosition: expect.any(Number),
      caseId,
      assigneeId: 'C-2',
    });
    answers.sort = sorted.body;
  });

  it('the complainant writes again ("RE:  über-mixer: BROKEN lid"): a repeat contact raises the priority', async () => {
    const again = await intake.post(
      '/cases',
      {
        caseId: 'ignored-id',
        channel: 'phone',
        complainant: { type: 'distributor', id: 'D-17' },
        subject: 'RE:  über-mixer:\tBROKEN lid ',
        body: 'Any news?',
      },
      { 'X-Correlation-Id': 'walk-repeat' },
    );
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      streamId: `case-${caseId}`,
      revision: 4,
      eventIds: [expect.stringMatching(UUID), expect.stringMatching(UUID)],
      globalPosition: expect.any(Number),
      caseId,
      repeatOf: caseId,
    });
    answers.repeat = again.body;
  });

  it('C-2 responds, promises a follow-up and completes it', async () => {
    const response = await colin.post(
      `/cases/${caseId}/responses`,
      { channel: 'email', summary: 'Apologised; a new lid is on its way.' },
      { 'X-Correlation-Id': 'walk-respond' },
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      streamId: `case-${caseId}`,
      revision: 5,
      eventIds: [expect.stringMatching(UUID)],
      globalPosition: expect.any(Number),
      caseId,
    });
    answers.respond = response.body;

    const promised = await colin.post(
      `/cases/${caseId}/follow-ups`,
      { followUpId: 'FU-1', dueAt: '2030-01-01T17:00:00Z', description: 'Call once the lid arrived.' },
      { 'X-Correlation-Id': 'walk-promise' },
    );
    expect(promised.status).toBe(201);
    expect(promised.body).toEqual({
      streamId: `case-${caseId}`,
      revision: 6,
      eventIds: [expect.stringMatching(UUID)],
      globalPosition: expect.any(Number),
      caseId,
      followUpId: 'FU-1',
    });
    answers.promise = promised.body;

    const completed = await colin.post(
      `/cases/${caseId}/follow-ups/FU-1/complete`,
      { note: 'Lid fits.' },
      { 'X-Correlation-Id': 'walk-complete' },
    );
    expect(completed.status).toBe(200);
    expect(completed.body).toEqual({
      streamId: `case-${caseId}`,
      revision: 7,
      eventIds: [expect.stringMatching(UUID)],
      globalPosition: expect.any(Number),
      caseId,
      followUpId: 'FU-1',
    });
    answers.complete = completed.body;
  });

  it('the supervisor allocates C-2 a goodwill budget; C-2 grants a credit on the case', async () => {
    await sleep(15);
    beforeGoodwill = new Date().toISOString();
    await sleep(15);
    const budget = await supervisor.post(
      '/goodwill-budgets',
      { staffId: 'C-2', month, amountCents: 10_000, currency: 'USD' },
      { 'X-Correlation-Id': 'walk-budget' },
    );
    expect(budget.status).toBe(201);
    expect(budget.body).toEqual({
      streamId: 'goodwill-C-2',
      revision: 0,
      eventIds: [expect.stringMatching(UUID)],
      globalPosition: expect.any(Number),
      staffId: 'C-2',
    });
    answers.budget = budget.body;

    const grant = await colin.post(
      `/cases/${caseId}/goodwill`,
      { grantId: 'G-1', kind: 'credit', amountCents: 2500, reason: 'Sorry for the second broken lid' },
      { 'X-Correlation-Id': 'walk-grant' },
    );
    expect(grant.status).toBe(201);
    expect(grant.body).toEqual({
      streamId: 'goodwill-C-2',
      revision: 1,
      eventIds: [expect.stringMatching(UUID)],
      globalPosition: expect.any(Number),
      caseId,
      grantId: 'G-1',
      overBudget: false,
    });
    answers.grant = grant.body;
  });

  it('the order system posts the order; C-2 refunds part of it', async () => {
    const ingest = await integration.post(
      '/order-events',
      {
        events: [
          {
            eventId: '6f1c2a0e-5b7d-4c1e-9a31-0d2b8e4f7a10',
            type: 'OrderPlaced',
            orderId: 'O-1001',
            occurredAt: '2026-09-01T08:30:00.000Z',
            distributorId: 'D-17',
            totalCents: 12_900,
            currency: 'USD',
          },
        ],
      },
      { 'X-Correlation-Id': 'walk-ingest' },
    );
    expect(ingest.status).toBe(200);
    expect(ingest.body).toEqual({
      appended: 1,
      duplicates: [],
      globalPosition: await app.store.headPosition(),
    });

    const refund = await colin.post(
      `/cases/${caseId}/refunds`,
      { refundId: 'R-1', orderId: 'O-1001', amountCents: 4999, reason: 'Money-back guarantee' },
      { 'X-Correlation-Id': 'walk-refund' },
    );
    expect(refund.status).toBe(201);
    expect(refund.body).toEqual({
      streamId: 'order-O-1001',
      revision: 1,
      eventIds: [expect.stringMatching(UUID)],
      globalPosition: expect.any(Number),
      caseId,
      refundId: 'R-1',
    });
    answers.refund = refund.body;
  });

  it('C-2 resolves the case and the complainant rates it', async () => {
    await sleep(15);
    beforeResolve = new Date().toISOString();
    await sleep(15);
    const resolved = await colin.post(
      `/cases/${caseId}/resolve`,
      { resolution: 'New lid delivered, refund issued.' },
      { 'X-Correlation-Id': 'walk-resolve' },
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body).toEqual({
      streamId: `case-${caseId}`,
      revision: 8,
      eventIds: [expect.stringMatching(UUID)],
      globalPosition: expect.any(Number),
      caseId,
    });
    answers.resolve = resolved.body;

    const rated = await intake.post(
      `/cases/${caseId}/satisfaction`,
      { rating: 'satisfied', comment: 'Quick and kind.' },
      { 'X-Correlation-Id': 'walk-rate' },
    );
    expect(rated.status).toBe(200);
    expect(rated.body).toEqual({
      streamId: `case-${caseId}`,
      revision: 9,
      eventIds: [expect.stringMatching(UUID)],
      globalPosition: expect.any(Number),
      caseId,
    });
    answers.rate = rated.body;
  });

  it('GET /cases/{id} shows every field of §4 by value', async () => {
    const shown = await analyst.get(`/cases/${caseId}`);
    expect(shown.status).toBe(200);
    const history = await auditor.get(`/cases/${caseId}/history`);
    const received = history.body.events.find((e: Envelope) => e.type === 'ComplaintReceived');
    expect(shown.body).toEqual(
      expect.objectContaining({
        caseId,
        status: 'resolved',
        receivedAt: received.occurredAt,
        channel: 'email',
        complainant: { type: 'distributor', id: 'D-17', name: 'Dana Reyes' },
        distributorId: 'D-17',
        orderId: 'O-1001',
        subject: 'Über-Mixer: broken lid',
        category: 'product',
        complexity: 2,
        priority: 'high',
        assigneeId: 'C-2',
        responses: 1,
        repeatContacts: 1,
        followUps: [{ followUpId: 'FU-1', dueAt: '2030-01-01T17:00:00.000Z', status: 'completed' }],
        goodwillCents: 2500,
        refundsCents: 4999,
        rating: 'satisfied',
        revision: 9,
      }),
    );
    expect(shown.body.receivedAt).toMatch(ISO_MS);
  });

  it('the warm-up case is untouched by the walk: nulls where nothing is known yet', async () => {
    const shown = await intake.get(`/cases/${warmUpCaseId}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual(
      expect.objectContaining({
        caseId: warmUpCaseId,
        status: 'open',
        channel: 'phone',
        complainant: { type: 'customer', id: 'CU-9' },
        distributorId: null,
        orderId: null,
        category: 'shipping',
        complexity: 2,
        priority: 'low',
        assigneeId: 'C-1',
        responses: 0,
        repeatContacts: 0,
        followUps: [],
        goodwillCents: 0,
        refundsCents: 0,
        rating: null,
        revision: 2,
      }),
    );
  });

  it('GET /cases/{id}?asOf= answers what the system had recorded at that instant', async () => {
    const unknown = await supervisor.get(`/cases/${caseId}?asOf=${encodeURIComponent(beforeFiling)}`);
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({
      status: 404,
      code: 'CASE_NOT_FOUND',
    });
    const early = await supervisor.get(`/cases/${caseId}?asOf=${encodeURIComponent(beforeGoodwill)}`);
    expect(early.status).toBe(200);
    expect(early.body).toEqual(
      expect.objectContaining({
        status: 'open',
        responses: 1,
        repeatContacts: 1,
        followUps: [{ followUpId: 'FU-1', dueAt: '2030-01-01T17:00:00.000Z', status: 'completed' }],
        goodwillCents: 0,
        refundsCents: 0,
        rating: null,
        revision: 7,
      }),
    );
    const later = await supervisor.get(`/cases/${caseId}?asOf=${encodeURIComponent(beforeResolve)}`);
    expect(later.status).toBe(200);
    expect(later.body).toEqual(
      expect.objectContaining({
        status: 'open',
        goodwillCents: 2500,
        refundsCents: 4999,
        rating: null,
        revision: 7,
      }),
    );
  });

  describe('GET /cases/{id}/history', () => {
    let events: Envelope[] = [];

    beforeAll(async () => {
      const history = await auditor.get(`/cases/${caseId}/history`);
      expect(history.status).toBe(200);
      expect(history.body.caseId).toBe(caseId);
      events = history.body.events;
    });

    it('lists every event of the case and its goodwill grant and refund, in global order, and nothing else', () => {
      expect(events.map((e) => e.type)).toEqual([
        'ComplaintReceived',
        'CaseSorted',
        'CaseAssigned',
        'CaseContactRepeated',
        'CasePriorityRaised',
        'ResponseSent',
        'FollowUpPromised',
        'FollowUpCompleted',
        'GoodwillGranted',
        'RefundIssued',
        'CaseResolved',
        'SatisfactionRecorded',
      ]);
      const positions = events.map((e) => e.globalPosition);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(positions.length);
      const own = events.filter((e) => e.streamId === `case-${caseId}`);
      expect(own.map((e) => e.streamRevision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('names the events each command answered with', () => {
      const idsOf = (...types: string[]) =>
        events.filter((e) => types.includes(e.type)).map((e) => e.eventId);
      expect(answers.file.eventIds).toContain(idsOf('ComplaintReceived')[0]);
      expect(answers.sort.eventIds).toEqual(idsOf('CaseSorted', 'CaseAssigned'));
      expect(answers.repeat.eventIds).toEqual(idsOf('CaseContactRepeated', 'CasePriorityRaised'));
      expect(answers.respond.eventIds).toEqual(idsOf('ResponseSent'));
      expect(answers.promise.eventIds).toEqual(idsOf('FollowUpPromised'));
      expect(answers.complete.eventIds).toEqual(idsOf('FollowUpCompleted'));
      expect(answers.grant.eventIds).toEqual(idsOf('GoodwillGranted'));
      expect(answers.refund.eventIds).toEqual(idsOf('RefundIssued'));
      expect(answers.resolve.eventIds).toEqual(idsOf('CaseResolved'));
      expect(answers.rate.eventIds).toEqual(idsOf('SatisfactionRecorded'));
      for (const [name, type] of [
        ['grant', 'GoodwillGranted'],
        ['refund', 'RefundIssued'],
        ['resolve', 'CaseResolved'],
        ['rate', 'SatisfactionRecorded'],
      ] as const) {
        expect(answers[name].globalPosition).toBe(events.find((e) => e.type === type)!.globalPosition);
      }
    });

    it('carries full envelopes: ids, streams, revisions, positions, millisecond UTC times, metadata', () => {
      for (const e of events) {
        expect(Object.keys(e).sort()).toEqual(
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
        expect(e.eventId).toMatch(UUID);
        expect(Number.isInteger(e.streamRevision) && e.streamRevision >= 0).toBe(true);
        expect(Number.isInteger(e.globalPosition) && e.globalPosition > 0).toBe(true);
        expect(e.occurredAt).toMatch(ISO_MS);
        expect(e.recordedAt).toMatch(ISO_MS);
        expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(e.prevHash).toMatch(/^[0-9a-f]{64}$/);
        expect(e.metadata).toEqual(
          expect.objectContaining({
            actorId: expect.any(String),
            actorRoles: expect.any(Array),
            correlationId: expect.any(String),
            causationId: expect.any(String),
            standardsVersion: 1,
            schemaVersion: expect.any(Number),
          }),
        );
        expect(Number.isInteger(e.metadata.schemaVersion) && (e.metadata.schemaVersion as number) >= 1).toBe(
          true,
        );
      }
      const who = events.map((e) => [
        e.type,
        e.metadata.actorId,
        e.metadata.actorRoles,
        e.metadata.correlationId,
      ]);
      expect(who).toEqual([
        ['ComplaintReceived', 'intake-desk', ['intake'], 'walk-file'],
        ['CaseSorted', 'SO-1', ['sorter'], 'walk-sort'],
        ['CaseAssigned', 'SO-1', ['sorter'], 'walk-sort'],
        ['CaseContactRepeated', 'intake-desk', ['intake'], 'walk-repeat'],
        ['CasePriorityRaised', 'intake-desk', ['intake'], 'walk-repeat'],
        ['ResponseSent', 'C-2', ['correspondent'], 'walk-respond'],
        ['FollowUpPromised', 'C-2', ['correspondent'], 'walk-promise'],
        ['FollowUpCompleted', 'C-2', ['correspondent'], 'walk-complete'],
        ['GoodwillGranted', 'C-2', ['correspondent'], 'walk-grant'],
        ['RefundIssued', 'C-2', ['correspondent'], 'walk-refund'],
        ['CaseResolved', 'C-2', ['correspondent'], 'walk-resolve'],
        ['SatisfactionRecorded', 'intake-desk', ['intake'], 'walk-rate'],
      ]);
    });

    it('records the data of each decision exactly', () => {
      const data = (type: string) => events.find((e) => e.type === type)!.data;
      expect(data('ComplaintReceived')).toEqual({
        caseId,
        channel: 'email',
        complainant: { type: 'distributor', id: 'D-17', name: 'Dana Reyes' },
        orderId: 'O-1001',
        subject: 'Über-Mixer: broken lid',
        body: 'The lid of my blender arrived cracked — again ✗.',
      });
      expect(data('CaseSorted')).toEqual({
        caseId,
        category: 'product',
        complexity: 2,
        priority: 'normal',
        sortedBy: 'SO-1',
      });
      expect(data('CaseAssigned')).toEqual({ caseId, assigneeId: 'C-2', reason: 'sort' });
      expect(data('CaseContactRepeated')).toEqual({ caseId, channel: 'phone', body: 'Any news?' });
      expect(data('CasePriorityRaised')).toEqual({
        caseId,
        from: 'normal',
        to: 'high',
        reason: expect.any(String),
      });
      expect(data('ResponseSent')).toEqual({
        caseId,
        channel: 'email',
        summary: 'Apologised; a new lid is on its way.',
        respondedBy: 'C-2',
      });
      expect(data('FollowUpPromised')).toEqual({
        caseId,
        followUpId: 'FU-1',
        dueAt: '2030-01-01T17:00:00.000Z',
        description: 'Call once the lid arrived.',
        promisedBy: 'C-2',
      });
      expect(data('FollowUpCompleted')).toEqual({
        caseId,
        followUpId: 'FU-1',
        completedBy: 'C-2',
        note: 'Lid fits.',
      });
      expect(data('GoodwillGranted')).toEqual({
        grantId: 'G-1',
        staffId: 'C-2',
        caseId,
        kind: 'credit',
        amountCents: 2500,
        reason: 'Sorry for the second broken lid',
        overBudget: false,
      });
      expect(data('RefundIssued')).toEqual({
        refundId: 'R-1',
        orderId: 'O-1001',
        caseId,
        amountCents: 4999,
        reason: 'Money-back guarantee',
        issuedBy: 'C-2',
      });
      expect(data('CaseResolved')).toEqual({
        caseId,
        resolution: 'New lid delivered, refund issued.',
        resolvedBy: 'C-2',
      });
      expect(data('SatisfactionRecorded')).toEqual({
        caseId,
        rating: 'satisfied',
        comment: 'Quick and kind.',
      });
      const streams = events
        .map((e) => [e.type, e.streamId, e.streamRevision])
        .filter(([, s]) => s !== `case-${caseId}`);
      expect(streams).toEqual([
        ['GoodwillGranted', 'goodwill-C-2', 1],
        ['RefundIssued', 'order-O-1001', 1],
      ]);
    });

    it('every hash recomputes per §7 (SHA-256 of prevHash ‖ JCS) and the chains link', async () => {
      for (const e of events)
        expect({ type: e.type, hash: recomputeHash(e) }).toEqual({ type: e.type, hash: e.hash });
      const own = events.filter((e) => e.streamId === `case-${caseId}`);
      expect(own[0].prevHash).toBe(ZEROS);
      for (let i = 1; i < own.length; i++) expect(own[i].prevHash).toBe(own[i - 1].hash);
      // The grant and the refund link to the events before them in their own streams.
      for (const [streamId, type] of [
        ['goodwill-C-2', 'GoodwillGranted'],
        ['order-O-1001', 'RefundIssued'],
      ]) {
        const stream = (await app.store.readStream(streamId)) as unknown as Envelope[];
        expect(stream).toHaveLength(2);
        expect(stream[0].prevHash).toBe(ZEROS);
        expect(recomputeHash(stream[0])).toBe(stream[0].hash);
        expect(events.find((e) => e.type === type)!.prevHash).toBe(stream[0].hash);
      }
    });

    it('a tampered envelope no longer matches its hash (the check can fail)', () => {
      const resolved = events.find((e) => e.type === 'CaseResolved')!;
      expect(
        recomputeHash({ ...resolved, data: { ...resolved.data, resolution: 'Nothing was wrong.' } }),
      ).not.toBe(resolved.hash);
      expect(
        recomputeHash({ ...resolved, recordedAt: resolved.recordedAt.replace(/\.\d{3}Z$/, 'Z') }),
      ).not.toBe(resolved.hash);
    });
  });

  it('my JCS matches RFC 8785 on its own examples', () => {
    expect(
      jcs({
        b: [1e21, 1e-7, -0, 0.5, 5e-324, 333333333.3333333],
        a: 'é\u2028\n"',
        '\u20ac': 1,
        '\r': 2,
        '\ud83d\ude00': 3,
        '\ufb33': 4,
        '1': 5,
      }),
    ).toBe(
      '{"\\r":2,"1":5,"a":"é\u2028\\n\\"","b":[1e+21,1e-7,0,0.5,5e-324,333333333.3333333],"€":1,"😀":3,"\ufb33":4}',
    );
  });
});
