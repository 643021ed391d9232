import type { Http } from '../support/http.js';
import {
  caller,
  complaint,
  detailPaths,
  expectError,
  expectStatus,
  fromNow,
  MINUTE,
  orderEvent,
  orderPlaced,
  refused,
  sortBody,
} from '../support/api-fixtures.js';
import { serverMonth } from '../support/server-clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every rule and error code of SPEC §3 through HTTP, with its status and `code`, the order in which
 * the checks answer, and — for every refusal — nothing appended (the log's head does not move).
 * One app for the file; the tests run in order and build on the department set up in beforeAll.
 */

describe('case rules (SPEC §3) over HTTP (in order, on one department set up in beforeAll)', () => {
  let app: TestApp;
  let admin: Http, sup: Http, sorter: Http, intake: Http, c1: Http, c2: Http, c9: Http, integration: Http;
  let month: string; // the server's month, asked once it is up

  const no = (request: () => ReturnType<Http['post']>, status: number, code: string) =>
    refused(app, request, status, code);

  async function openCase(extra: Record<string, unknown> = {}): Promise<string> {
    const reply = await intake.post('/cases', complaint(extra));
    expectStatus(reply, 201);
    return reply.body.caseId;
  }

  /** A case sorted (by the supervisor) to an explicit assignee. */
  async function caseFor(assigneeId: string, complexity = 1): Promise<string> {
    const id = await openCase();
    expectStatus(await sup.post(`/cases/${id}/sort`, sortBody(complexity, { assigneeId })), 200);
    return id;
  }

  async function respond(as: Http, id: string) {
    expectStatus(
      await as.post(`/cases/${id}/responses`, { channel: 'email', summary: 'We are on it.' }),
      200,
    );
  }

  async function resolvedCaseFor(as: Http, assigneeId: string): Promise<string> {
    const id = await caseFor(assigneeId);
    await respond(as, id);
    expectStatus(await as.post(`/cases/${id}/resolve`, { resolution: 'Done.' }), 200);
    return id;
  }

  async function history(
    id: string,
  ): Promise<Array<{ type: string; data: any; metadata: any; streamId: string }>> {
    const reply = await sup.get(`/cases/${id}/history`);
    expectStatus(reply, 200);
    return reply.body.events;
  }

  const show = async (id: string) => {
    const reply = await sup.get(`/cases/${id}`);
    expectStatus(reply, 200);
    return reply.body;
  };

  beforeAll(async () => {
    app = await startTestApp();
    month = await serverMonth(app.url);
    admin = await caller(app, 'admin', 'admin');
    sup = await caller(app, 'S-1', 'supervisor');
    sorter = await caller(app, 'SO-1', 'sorter');
    intake = await caller(app, 'I-1', 'intake');
    c1 = await caller(app, 'C-1', 'correspondent');
    c2 = await caller(app, 'C-2', 'correspondent');
    c9 = await caller(app, 'C-9', 'correspondent');
    integration = await caller(app, 'orders', 'integration');
    const staff: Array<[string, string[], number]> = [
      ['S-1', ['supervisor'], 5],
      ['SO-1', ['sorter'], 5],
      ['C-0', ['correspondent'], 5],
      ['C-1', ['correspondent'], 2],
      ['C-2', ['correspondent'], 4],
      ['C-9', ['correspondent'], 5],
    ];
    for (const [staffId, roles, skillLevel] of staff)
      expectStatus(await admin.post('/staff', { staffId, name: `Staff ${staffId}`, roles, skillLevel }), 201);
    // C-0 (smallest staffId, idle, most skilled) and C-9 are inactive: auto-assignment must never pick them.
    for (const staffId of ['C-0', 'C-9'])
      expectStatus(await sup.patch(`/staff/${staffId}`, { active: false }), 200);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  describe('sorting and auto-assignment', () => {
    const cases: Record<string, string> = {};
    const sortAuto = async (name: string, complexity: number) => {
      cases[name] = await openCase();
      const reply = await sorter.post(`/cases/${cases[name]}/sort`, sortBody(complexity));
      expectStatus(reply, 200);
      return reply.body.assigneeId as string;
    };

    it('picks the lowest weighted load, then fewest open cases, then the smallest staffId; each sort sees the ones before', async () => {
      // Active correspondents: C-1 (skill 2), C-2 (skill 4). Loads as weighted/open before each sort.
      expect(await sortAuto('A', 2)).toBe('C-1'); // C-1 0/0, C-2 0/0: smallest staffId
      expect(await sortAuto('B', 1)).toBe('C-2'); // C-1 2/1, C-2 0/0: weighted load
      expect(await sortAuto('C', 1)).toBe('C-2'); // C-1 2/1, C-2 1/1: weighted load
      expect(await sortAuto('D', 2)).toBe('C-1'); // C-1 2/1, C-2 2/2: fewest open cases
      expect(await sortAuto('E', 3)).toBe('C-2'); // C-1 4/2 lacks the skill; C-2 2/2
      expect(await sortAuto('F', 1)).toBe('C-1'); // C-1 4/2, C-2 5/3: weighted load
      expect(await sortAuto('G', 1)).toBe('C-1'); // C-1 5/3, C-2 5/3: smallest staffId
    });

    it('a resolved case no longer weighs on its assignee', async () => {
      // C-1 6/4 (A2 D2 F1 G1), C-2 5/3 (B1 C1 E3). Resolving A leaves C-1 at 4/3.
      await respond(c1, cases.A);
      expectStatus(await c1.post(`/cases/${cases.A}/resolve`, { resolution: 'Done.' }), 200);
      expect(await sortAuto('J', 1)).toBe('C-1'); // C-1 4/3, C-2 5/3
    });

    it('a re-sort that keeps the assignee emits no CaseAssigned; one that changes it emits CaseAssigned (reason sort)', async () => {
      // J (complexity 1) is C-1's: leaving J out, C-1 4/3 against C-2 5/3 → C-1 again.
      const again = await sorter.post(`/cases/${cases.J}/sort`, sortBody(1, { priority: 'high' }));
      expectStatus(again, 200);
      expect(again.body.assigneeId).toBe('C-1');
      expect(again.body.eventIds).toHaveLength(1);
      const moved = await sorter.post(`/cases/${cases.J}/sort`, sortBody(1, { assigneeId: 'C-2' }));
      expectStatus(moved, 200);
      expect(moved.body).toMatchObject({ assigneeId: 'C-2', caseId: cases.J });
      expect(moved.body.eventIds).toHaveLength(2);
      const same = await sorter.post(`/cases/${cases.J}/sort`, sortBody(1, { assigneeId: 'C-2' }));
      expect(same.body.eventIds).toHaveLength(1);
      const events = await history(cases.J);
      expect(events.map((e) => e.type)).toEqual([
        'ComplaintReceived',
        'CaseSorted',
        'CaseAssigned',
        'CaseSorted',
        'CaseSorted',
        'CaseAssigned',
        'CaseSorted',
      ]);
      expect(events.filter((e) => e.type === 'CaseAssigned').map((e) => e.data)).toEqual([
        { caseId: cases.J, assigneeId: 'C-1', reason: 'sort' },
        { caseId: cases.J, assigneeId: 'C-2', previousAssigneeId: 'C-1', reason: 'sort' },
      ]);
    });

    it('auto-assignment leaves the case being sorted out of every load', async () => {
      // C-1 3/2 (D2 F1) + G1 = 4/3; C-2 B1 C1 E3 J1 = 6/4. Re-sorting E at complexity 2: without E,
      // C-2 weighs 3 < 4 and keeps it; counting E (6) would have moved it to C-1.
      const resort = await sorter.post(`/cases/${cases.E}/sort`, sortBody(2));
      expectStatus(resort, 200);
      expect(resort.body.assigneeId).toBe('C-2');
      expect(resort.body.eventIds).toHaveLength(1);
    });

    it('NO_QUALIFIED_CORRESPONDENT when no active correspondent has the skill (inactive C-0 and C-9 have it)', async () => {
      const id = await openCase();
      await no(() => sorter.post(`/cases/${id}/sort`, sortBody(5)), 422, 'NO_QUALIFIED_CORRESPONDENT');
      expect((await show(id)).assigneeId).toBeNull();
    });

    it('NOT_A_CORRESPONDENT for an explicit assignee who is not an active correspondent (sort and assign)', async () => {
      const id = await openCase();
      for (const assigneeId of ['SO-1', 'S-1', 'ghost', 'C-9']) {
        await no(
          () => sorter.post(`/cases/${id}/sort`, sortBody(1, { assigneeId })),
          422,
          'NOT_A_CORRESPONDENT',
        );
        await no(
          () => sorter.post(`/cases/${id}/assign`, { assigneeId, reason: 'manual' }),
          422,
          'NOT_A_CORRESPONDENT',
        );
      }
    });

    it('an explicit assignee needs no skill (the sorter judges); assign records its reason', async () => {
      const id = await openCase();
      const sorted = await sorter.post(`/cases/${id}/sort`, sortBody(5, { assigneeId: 'C-1' }));
      expectStatus(sorted, 200);
      expect(sorted.body.assigneeId).toBe('C-1');
      const assigned = await sup.post(`/cases/${id}/assign`, { assigneeId: 'C-2', reason: 'rebalance' });
      expectStatus(assigned, 200);
      expect(assigned.body).toMatchObject({
        caseId: id,
        assigneeId: 'C-2',
        streamId: `case-${id}`,
        revision: 3,
      });
      expect((await history(id)).at(-1)!.data).toEqual({
        caseId: id,
        assigneeId: 'C-2',
        previousAssigneeId: 'C-1',
        reason: 'rebalance',
      });
    });

    it('sorting or assigning a resolved case → 422 CASE_NOT_OPEN', async () => {
      await no(() => sorter.post(`/cases/${cases.A}/sort`, sortBody(1)), 422, 'CASE_NOT_OPEN');
      await no(
        () => sorter.post(`/cases/${cases.A}/assign`, { assigneeId: 'C-2', reason: 'manual' }),
        422,
        'CASE_NOT_OPEN',
      );
    });
  });

  describe('CASE_NOT_FOUND', () => {
    it.each([
      ['sort', sortBody(1)],
      ['assign', { assigneeId: 'C-1', reason: 'manual' }],
      ['responses', { channel: 'email', summary: 'x' }],
      ['follow-ups', { dueAt: '2030-01-01T00:00:00Z', description: 'x' }],
      ['follow-ups/FU-1/complete', {}],
      ['goodwill', { kind: 'credit', amountCents: 100, reason: 'x', staffId: 'C-1' }],
      ['refunds', { orderId: 'O-1', amountCents: 100, reason: 'x' }],
      ['resolve', { resolution: 'x' }],
      ['reopen', { reason: 'x' }],
      ['satisfaction', { rating: 'angry' }],
    ])('POST /cases/{unknown}/%s → 404 CASE_NOT_FOUND', async (route, body) => {
      await no(() => sup.post(`/cases/no-such-case/${route}`, body), 404, 'CASE_NOT_FOUND');
    });

    it('GET /cases/{unknown} and its history → 404 CASE_NOT_FOUND', async () => {
      expectError(await intake.get('/cases/no-such-case'), 404, 'CASE_NOT_FOUND');
      expectError(await sup.get('/cases/no-such-case/history'), 404, 'CASE_NOT_FOUND');
    });
  });

  describe('accountability', () => {
    let ofC2 = '';
    let unassigned = '';

    beforeAll(async () => {
      ofC2 = await caseFor('C-2');
      unassigned = await openCase();
    });

    it('a correspondent acting on someone else’s case → 403 NOT_ASSIGNEE, on every command that is theirs', async () => {
      const promised = await c2.post(`/cases/${ofC2}/follow-ups`, {
        followUpId: 'FU-1',
        dueAt: '2030-01-01T00:00:00Z',
        description: 'Call back',
      });
      expectStatus(promised, 201);
      await no(
        () => c1.post(`/cases/${ofC2}/responses`, { channel: 'email', summary: 'x' }),
        403,
        'NOT_ASSIGNEE',
      );
      await no(
        () => c1.post(`/cases/${ofC2}/follow-ups`, { dueAt: '2030-01-01T00:00:00Z', description: 'x' }),
        403,
        'NOT_ASSIGNEE',
      );
      await no(() => c1.post(`/cases/${ofC2}/follow-ups/FU-1/complete`, {}), 403, 'NOT_ASSIGNEE');
      await no(() => c1.post(`/cases/${ofC2}/resolve`, { resolution: 'x' }), 403, 'NOT_ASSIGNEE');
      await no(
        () => c1.post(`/cases/${ofC2}/goodwill`, { kind: 'credit', amountCents: 100, reason: 'x' }),
        403,
        'NOT_ASSIGNEE',
      );
      await no(
        () => c1.post(`/cases/${ofC2}/refunds`, { orderId: 'O-1', amountCents: 100, reason: 'x' }),
        403,
        'NOT_ASSIGNEE',
      );
      // Accountability comes before the command's own rule (the case is not resolved).
      await no(() => c1.post(`/cases/${ofC2}/reopen`, { reason: 'x' }), 403, 'NOT_ASSIGNEE');
    });

    it('… also on an unassigned case, where a supervisor gets 422 CASE_NOT_ASSIGNED', async () => {
      await no(
        () => c1.post(`/cases/${unassigned}/responses`, { channel: 'email', summary: 'x' }),
        403,
        'NOT_ASSIGNEE',
      );
      await no(() => c1.post(`/cases/${unassigned}/resolve`, { resolution: 'x' }), 403, 'NOT_ASSIGNEE');
      await no(
        () => sup.post(`/cases/${unassigned}/responses`, { channel: 'email', summary: 'x' }),
        422,
        'CASE_NOT_ASSIGNED',
      );
      await no(
        () =>
          sup.post(`/cases/${unassigned}/follow-ups`, { dueAt: '2030-01-01T00:00:00Z', description: 'x' }),
        422,
        'CASE_NOT_ASSIGNED',
      );
      await no(() => sup.post(`/cases/${unassigned}/resolve`, { resolution: 'x' }), 422, 'CASE_NOT_ASSIGNED');
    });

    it('a supervisor may act on any case', async () => {
      expectStatus(
        await sup.post(`/cases/${ofC2}/responses`, { channel: 'phone', summary: 'Supervisor called.' }),
        200,
      );
      expectStatus(await sup.post(`/cases/${ofC2}/follow-ups/FU-1/complete`, {}), 200);
    });

    it('an inactive staff member may not issue commands: 403 STAFF_INACTIVE, after 404 and before NOT_ASSIGNEE', async () => {
      await no(
        () => c9.post(`/cases/${ofC2}/responses`, { channel: 'email', summary: 'x' }),
        403,
        'STAFF_INACTIVE',
      );
      await no(() => c9.post('/cases', complaint()), 403, 'STAFF_INACTIVE');
      await no(
        () => c9.post('/cases/no-such-case/responses', { channel: 'email', summary: 'x' }),
        404,
        'CASE_NOT_FOUND',
      );
      const inactiveSupervisor = await caller(app, 'S-9', 'supervisor');
      expectStatus(
        await sup.post('/staff', {
          staffId: 'S-9',
          name: 'Former supervisor',
          roles: ['supervisor'],
          skillLevel: 5,
        }),
        201,
      );
      expectStatus(await sup.patch('/staff/S-9', { active: false }), 200);
      await no(
        () =>
          inactiveSupervisor.post('/staff', { staffId: 'X-1', name: 'X', roles: ['intake'], skillLevel: 1 }),
        403,
        'STAFF_INACTIVE',
      );
      await no(
        () => inactiveSupervisor.post(`/cases/${ofC2}/responses`, { channel: 'email', summary: 'x' }),
        403,
        'STAFF_INACTIVE',
      );
    });

    it('deactivating a correspondent leaves their cases assigned to them; they can no longer act on them', async () => {
      expectStatus(
        await sup.post('/staff', {
          staffId: 'C-7',
          name: 'Leaving soon',
          roles: ['correspondent'],
          skillLevel: 3,
        }),
        201,
      );
      const id = await caseFor('C-7');
      expectStatus(await sup.patch('/staff/C-7', { active: false }), 200);
      expect(await show(id)).toMatchObject({ status: 'open', assigneeId: 'C-7' });
      const c7 = await caller(app, 'C-7', 'correspondent');
      await no(
        () => c7.post(`/cases/${id}/responses`, { channel: 'email', summary: 'x' }),
        403,
        'STAFF_INACTIVE',
      );
      expectStatus(
        await sup.post(`/cases/${id}/responses`, { channel: 'email', summary: 'Covering for C-7.' }),
        200,
      );
      await no(
        () => sup.post(`/cases/${id}/assign`, { assigneeId: 'C-7', reason: 'manual' }),
        422,
        'NOT_A_CORRESPONDENT',
      );
    });
  });

  describe('follow-ups, resolving, reopening, rating', () => {
    it('FOLLOW_UP_NOT_FOUND for an unknown follow-up; ALREADY_COMPLETED the second time', async () => {
      const id = await caseFor('C-2');
      await no(() => c2.post(`/cases/${id}/follow-ups/FU-404/complete`, {}), 404, 'FOLLOW_UP_NOT_FOUND');
      const promised = await c2.post(`/cases/${id}/follow-ups`, {
        dueAt: '2030-01-01T00:00:00Z',
        description: 'Call back',
      });
      expectStatus(promised, 201);
      const fid = promised.body.followUpId;
      expect(typeof fid).toBe('string');
      expectStatus(await c2.post(`/cases/${id}/follow-ups/${fid}/complete`, { note: 'Called.' }), 200);
      await no(() => c2.post(`/cases/${id}/follow-ups/${fid}/complete`, {}), 409, 'ALREADY_COMPLETED');
    });

    it('resolving needs a response (NO_RESPONSE_SENT, checked before OPEN_FOLLOW_UPS) and no pending follow-up (OPEN_FOLLOW_UPS)', async () => {
      const id = await caseFor('C-2');
      expectStatus(
        await c2.post(`/cases/${id}/follow-ups`, {
          followUpId: 'FU-A',
          dueAt: '2030-01-01T00:00:00Z',
          description: 'Call back',
        }),
        201,
      );
      await no(() => c2.post(`/cases/${id}/resolve`, { resolution: 'x' }), 422, 'NO_RESPONSE_SENT');
      await respond(c2, id);
      await no(() => c2.post(`/cases/${id}/resolve`, { resolution: 'x' }), 422, 'OPEN_FOLLOW_UPS');
      expectStatus(await c2.post(`/cases/${id}/follow-ups/FU-A/complete`, {}), 200);
      expectStatus(await c2.post(`/cases/${id}/resolve`, { resolution: 'Sorted out.' }), 200);
      expect((await show(id)).status).toBe('resolved');
    });

    it('a resolved case is not open: responses, follow-ups and resolving again → 422 CASE_NOT_OPEN', async () => {
      const id = await resolvedCaseFor(c2, 'C-2');
      await no(
        () => c2.post(`/cases/${id}/responses`, { channel: 'email', summary: 'x' }),
        422,
        'CASE_NOT_OPEN',
      );
      await no(
        () => c2.post(`/cases/${id}/follow-ups`, { dueAt: '2030-01-01T00:00:00Z', description: 'x' }),
        422,
        'CASE_NOT_OPEN',
      );
      await no(() => c2.post(`/cases/${id}/resolve`, { resolution: 'x' }), 422, 'CASE_NOT_OPEN');
    });

    it('reopening or rating an open case → 422 CASE_NOT_RESOLVED', async () => {
      const id = await caseFor('C-2');
      await no(() => c2.post(`/cases/${id}/reopen`, { reason: 'x' }), 422, 'CASE_NOT_RESOLVED');
      await no(() => intake.post(`/cases/${id}/satisfaction`, { rating: 'angry' }), 422, 'CASE_NOT_RESOLVED');
    });

    it('one rating per resolution (409 ALREADY_RATED); a reopen clears it and needs a new response before resolving', async () => {
      const id = await resolvedCaseFor(c2, 'C-2');
      expectStatus(await intake.post(`/cases/${id}/satisfaction`, { rating: 'annoyed' }), 200);
      expect((await show(id)).rating).toBe('annoyed');
      await no(() => intake.post(`/cases/${id}/satisfaction`, { rating: 'delighted' }), 409, 'ALREADY_RATED');
      expectStatus(await intake.post(`/cases/${id}/reopen`, { reason: 'The lid broke again.' }), 200);
      expect(await show(id)).toMatchObject({ status: 'open', rating: null, responses: 1 });
      await no(
        () => intake.post(`/cases/${id}/satisfaction`, { rating: 'delighted' }),
        422,
        'CASE_NOT_RESOLVED',
      );
      await no(() => c2.post(`/cases/${id}/resolve`, { resolution: 'x' }), 422, 'NO_RESPONSE_SENT');
      await respond(c2, id);
      expectStatus(await c2.post(`/cases/${id}/resolve`, { resolution: 'Second lid sent.' }), 200);
      expectStatus(await integration.post(`/cases/${id}/satisfaction`, { rating: 'delighted' }), 200);
      expect(await show(id)).toMatchObject({ status: 'resolved', rating: 'delighted', responses: 2 });
      await no(() => intake.post(`/cases/${id}/satisfaction`, { rating: 'angry' }), 409, 'ALREADY_RATED');
    });
  });

  describe('business time', () => {
    it('occurredAt more than 5 minutes ahead → 422 OCCURRED_IN_FUTURE; 4 minutes ahead is fine; back-dating is fine', async () => {
      const id = await caseFor('C-2');
      await no(
        () =>
          c2.post(`/cases/${id}/responses`, {
            channel: 'email',
            summary: 'x',
            occurredAt: fromNow(6 * MINUTE),
          }),
        422,
        'OCCURRED_IN_FUTURE',
      );
      await no(
        () => intake.post('/cases', complaint({ occurredAt: fromNow(6 * MINUTE) })),
        422,
        'OCCURRED_IN_FUTURE',
      );
      const ahead = fromNow(4 * MINUTE);
      expectStatus(
        await c2.post(`/cases/${id}/responses`, { channel: 'email', summary: 'x', occurredAt: ahead }),
        200,
      );
      const filed = await intake.post('/cases', complaint({ occurredAt: '2026-01-05T09:00:00+01:00' }));
      expectStatus(filed, 201);
      expect((await show(filed.body.caseId)).receivedAt).toBe('2026-01-05T08:00:00.000Z');
      const events = await history(id);
      expect(events.at(-1)).toMatchObject({ type: 'ResponseSent', occurredAt: ahead });
    });

    it('order of checks: 400 beats 422 OCCURRED_IN_FUTURE, which beats 404 CASE_NOT_FOUND and 403 STAFF_INACTIVE', async () => {
      const future = fromNow(6 * MINUTE);
      await no(
        () =>
          sup.post('/cases/no-such-case/responses', { channel: 'email', summary: 'x', occurredAt: future }),
        422,
        'OCCURRED_IN_FUTURE',
      );
      await no(
        () => sup.post('/cases/no-such-case/responses', { channel: 'fax', summary: 'x', occurredAt: future }),
        400,
        'VALIDATION_FAILED',
      );
      await no(
        () => sup.post('/cases/no-such-case/responses', { channel: 'fax', summary: 'x' }),
        400,
        'VALIDATION_FAILED',
      );
      // A supervisor's grant without the staffId debited is a body error: 400 before 404.
      await no(
        () => sup.post('/cases/no-such-case/goodwill', { kind: 'credit', amountCents: 100, reason: 'x' }),
        400,
        'VALIDATION_FAILED',
      );
      await no(
        () =>
          c9.post('/cases/no-such-case/responses', { channel: 'email', summary: 'x', occurredAt: future }),
        422,
        'OCCURRED_IN_FUTURE',
      );
      await no(
        () =>
          sup.post('/cases/no-such-case/goodwill', {
            kind: 'credit',
            amountCents: 100,
            reason: 'x',
            staffId: 'C-1',
            occurredAt: future,
          }),
        422,
        'OCCURRED_IN_FUTURE',
      );
      await no(
        () =>
          sup.post('/cases/no-such-case/refunds', {
            orderId: 'O-404',
            amountCents: 100,
            reason: 'x',
            occurredAt: future,
          }),
        422,
        'OCCURRED_IN_FUTURE',
      );
    });
  });

  describe('the case as GET /cases/{id} shows it', () => {
    it('distributorId is the case’s distributorId, else the complainant’s id when a distributor, else null', async () => {
      const ofCustomer = await openCase({
        complainant: { type: 'customer', id: 'CU-5' },
        distributorId: 'D-55',
      });
      const ofDistributor = await openCase({ complainant: { type: 'distributor', id: 'D-66' } });
      const both = await openCase({
        complainant: { type: 'distributor', id: 'D-77' },
        distributorId: 'D-78',
      });
      const neither = await openCase({ complainant: { type: 'customer', id: 'CU-6' } });
      expect((await show(ofCustomer)).distributorId).toBe('D-55');
      expect((await show(ofDistributor)).distributorId).toBe('D-66');
      expect((await show(both)).distributorId).toBe('D-78');
      expect((await show(neither)).distributorId).toBeNull();
    });
  });

  describe('staff', () => {
    it('POST /staff for an existing staffId → 409 STAFF_EXISTS', async () => {
      await no(
        () =>
          sup.post('/staff', {
            staffId: 'C-1',
            name: 'Another Carla',
            roles: ['correspondent'],
            skillLevel: 1,
          }),
        409,
        'STAFF_EXISTS',
      );
    });

    it('an unknown staffId on PATCH or as a budget’s staffId → 404 STAFF_NOT_FOUND', async () => {
      await no(() => sup.patch('/staff/ghost', { skillLevel: 3 }), 404, 'STAFF_NOT_FOUND');
      await no(
        () => sup.post('/goodwill-budgets', { staffId: 'ghost', month, amountCents: 1000 }),
        404,
        'STAFF_NOT_FOUND',
      );
    });
  });

  describe('goodwill', () => {
    let ofC2 = '';
    let resolvedOfC2 = '';
    let ofC1 = '';

    beforeAll(async () => {
      ofC2 = await caseFor('C-2');
      resolvedOfC2 = await resolvedCaseFor(c2, 'C-2');
      ofC1 = await caseFor('C-1');
      // Allocations for one staff member and month add up: C-2 has 3000 this month.
      for (const amountCents of [2000, 1000])
        expectStatus(await sup.post('/goodwill-budgets', { staffId: 'C-2', month, amountCents }), 201);
    });

    it('a correspondent is refused above the per-grant limit (first) and above the remaining budget; exactly the remainder is fine, on a resolved case too', async () => {
      await no(
        () => c2.post(`/cases/${ofC2}/goodwill`, { kind: 'credit', amountCents: 5001, reason: 'x' }),
        422,
        'GOODWILL_LIMIT_EXCEEDED',
      );
      await no(
        () => c2.post(`/cases/${ofC2}/goodwill`, { kind: 'credit', amountCents: 3001, reason: 'x' }),
        422,
        'GOODWILL_BUDGET_EXCEEDED',
      );
      const granted = await c2.post(`/cases/${resolvedOfC2}/goodwill`, {
        kind: 'credit',
        amountCents: 3000,
        reason: 'Sorry',
      });
      expectStatus(granted, 201);
      expect(granted.body).toMatchObject({
        caseId: resolvedOfC2,
        overBudget: false,
        streamId: 'goodwill-C-2',
      });
      await no(
        () => c2.post(`/cases/${ofC2}/goodwill`, { kind: 'credit', amountCents: 1, reason: 'x' }),
        422,
        'GOODWILL_BUDGET_EXCEEDED',
      );
      // No allocation at all: the budget is 0.
      await no(
        () => c1.post(`/cases/${ofC1}/goodwill`, { kind: 'credit', amountCents: 1, reason: 'x' }),
        422,
        'GOODWILL_BUDGET_EXCEEDED',
      );
      expect((await show(resolvedOfC2)).goodwillCents).toBe(3000);
    });

    it('the grant is debited from the budget of the month of its occurredAt', async () => {
      expectStatus(
        await sup.post('/goodwill-budgets', { staffId: 'C-2', month: '2025-01', amountCents: 2000 }),
        201,
      );
      const january = '2025-01-15T10:00:00.000Z';
      expectStatus(
        await c2.post(`/cases/${ofC2}/goodwill`, {
          kind: 'credit',
          amountCents: 1500,
          reason: 'x',
          occurredAt: january,
        }),
        201,
      );
      await no(
        () =>
          c2.post(`/cases/${ofC2}/goodwill`, {
            kind: 'credit',
            amountCents: 501,
            reason: 'x',
            occurredAt: january,
          }),
        422,
        'GOODWILL_BUDGET_EXCEEDED',
      );
      expectStatus(
        await c2.post(`/cases/${ofC2}/goodwill`, {
          kind: 'product',
          sku: 'LID-7',
          quantity: 1,
          amountCents: 500,
          reason: 'x',
          occurredAt: january,
        }),
        201,
      );
    });

    it('order: case (404), then accountability (403), then the limit', async () => {
      await no(
        () =>
          c2.post('/cases/no-such-case/goodwill', {
            kind: 'credit',
            amountCents: 9999,
            reason: 'x',
            staffId: 'C-1',
          }),
        404,
        'CASE_NOT_FOUND',
      );
      await no(
        () => c1.post(`/cases/${ofC2}/goodwill`, { kind: 'credit', amountCents: 9999, reason: 'x' }),
        403,
        'NOT_ASSIGNEE',
      );
      // A correspondent grants on their own account only.
      await no(
        () =>
          c2.post(`/cases/${ofC2}/goodwill`, {
            kind: 'credit',
            amountCents: 9999,
            reason: 'x',
            staffId: 'C-1',
          }),
        403,
        'NOT_ASSIGNEE',
      );
    });

    it('a supervisor must name the staffId debited (400), an active correspondent (422 NOT_A_CORRESPONDENT)', async () => {
      const missing = await no(
        () => sup.post(`/cases/${ofC2}/goodwill`, { kind: 'credit', amountCents: 100, reason: 'x' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(detailPaths(missing)).toContain('staffId');
      for (const staffId of ['SO-1', 'C-9', 'ghost']) {
        await no(
          () =>
            sup.post(`/cases/${ofC2}/goodwill`, { kind: 'credit', amountCents: 100, reason: 'x', staffId }),
          422,
          'NOT_A_CORRESPONDENT',
        );
      }
    });

    it('a supervisor overrides limit and budget: approvedBy is set and overBudget tells whether it went over (visible in history)', async () => {
      const over = await sup.post(`/cases/${ofC2}/goodwill`, {
        grantId: 'G-OVER',
        kind: 'credit',
        amountCents: 7000,
        reason: 'Big apology',
        staffId: 'C-2',
      });
      expectStatus(over, 201);
      expect(over.body).toMatchObject({
        grantId: 'G-OVER',
        overBudget: true,
        streamId: 'goodwill-C-2',
        caseId: ofC2,
      });
      // On any active correspondent's account, not only the assignee's: C-1 has 1000 this month.
      expectStatus(await sup.post('/goodwill-budgets', { staffId: 'C-1', month, amountCents: 1000 }), 201);
      const within = await sup.post(`/cases/${ofC2}/goodwill`, {
        grantId: 'G-FITS',
        kind: 'credit',
        amountCents: 1000,
        reason: 'Fits exactly',
        staffId: 'C-1',
      });
      expectStatus(within, 201);
      expect(within.body).toMatchObject({ grantId: 'G-FITS', overBudget: false, streamId: 'goodwill-C-1' });
      const beyond = await sup.post(`/cases/${ofC2}/goodwill`, {
        grantId: 'G-BEYOND',
        kind: 'credit',
        amountCents: 1,
        reason: 'One cent too many',
        staffId: 'C-1',
      });
      expect(beyond.body).toMatchObject({ overBudget: true });
      const grants = (await history(ofC2)).filter(
        (e) => e.type === 'GoodwillGranted' && e.data.grantId.startsWith('G-'),
      );
      expect(grants.map((e) => [e.streamId, e.data])).toEqual([
        [
          'goodwill-C-2',
          {
            grantId: 'G-OVER',
            staffId: 'C-2',
            caseId: ofC2,
            kind: 'credit',
            amountCents: 7000,
            reason: 'Big apology',
            approvedBy: 'S-1',
            overBudget: true,
          },
        ],
        [
          'goodwill-C-1',
          {
            grantId: 'G-FITS',
            staffId: 'C-1',
            caseId: ofC2,
            kind: 'credit',
            amountCents: 1000,
            reason: 'Fits exactly',
            approvedBy: 'S-1',
            overBudget: false,
          },
        ],
        [
          'goodwill-C-1',
          {
            grantId: 'G-BEYOND',
            staffId: 'C-1',
            caseId: ofC2,
            kind: 'credit',
            amountCents: 1,
            reason: 'One cent too many',
            approvedBy: 'S-1',
            overBudget: true,
          },
        ],
      ]);
      expect((await show(ofC2)).goodwillCents).toBe(1500 + 500 + 7000 + 1000 + 1);
    });

    it('kind product needs sku and quantity (400 naming both)', async () => {
      const reply = await no(
        () =>
          sup.post(`/cases/${ofC2}/goodwill`, {
            kind: 'product',
            amountCents: 100,
            reason: 'x',
            staffId: 'C-2',
          }),
        400,
        'VALIDATION_FAILED',
      );
      expect(detailPaths(reply)).toEqual(expect.arrayContaining(['sku', 'quantity']));
    });
  });

  describe('refunds', () => {
    let ofC2 = '';
    let resolvedOfC2 = '';

    beforeAll(async () => {
      ofC2 = await caseFor('C-2');
      resolvedOfC2 = await resolvedCaseFor(c2, 'C-2');
      const posted = await integration.post('/order-events', {
        events: [
          orderPlaced('O-1', 10_000),
          orderPlaced('O-2', 5000),
          orderEvent('OrderCancelled', 'O-2', { reason: 'Changed mind' }),
          orderPlaced('O-3', 200_000),
          orderPlaced('O-4', 5000),
          orderEvent('OrderReturned', 'O-4', { amountCents: 3000 }),
        ],
      });
      expectStatus(posted, 200);
      expect(posted.body.appended).toBe(6);
    });

    it('UNKNOWN_ORDER, ORDER_CANCELLED', async () => {
      await no(
        () => c2.post(`/cases/${ofC2}/refunds`, { orderId: 'O-404', amountCents: 100, reason: 'x' }),
        422,
        'UNKNOWN_ORDER',
      );
      await no(
        () => c2.post(`/cases/${ofC2}/refunds`, { orderId: 'O-2', amountCents: 100, reason: 'x' }),
        422,
        'ORDER_CANCELLED',
      );
    });

    it('refunds on an order never exceed its total: REFUND_EXCEEDS_ORDER; exactly the rest is fine, on a resolved case too', async () => {
      expectStatus(
        await c2.post(`/cases/${ofC2}/refunds`, { orderId: 'O-1', amountCents: 6000, reason: 'x' }),
        201,
      );
      await no(
        () => c2.post(`/cases/${ofC2}/refunds`, { orderId: 'O-1', amountCents: 4001, reason: 'x' }),
        422,
        'REFUND_EXCEEDS_ORDER',
      );
      const rest = await c2.post(`/cases/${resolvedOfC2}/refunds`, {
        refundId: 'R-REST',
        orderId: 'O-1',
        amountCents: 4000,
        reason: 'x',
      });
      expectStatus(rest, 201);
      expect(rest.body).toMatchObject({
        refundId: 'R-REST',
        caseId: resolvedOfC2,
        streamId: 'order-O-1',
        revision: 2,
      });
      await no(
        () => c2.post(`/cases/${ofC2}/refunds`, { orderId: 'O-1', amountCents: 1, reason: 'x' }),
        422,
        'REFUND_EXCEEDS_ORDER',
      );
    });

    it('OrderReturned does not change the refundable sum', async () => {
      expectStatus(
        await c2.post(`/cases/${ofC2}/refunds`, {
          orderId: 'O-4',
          amountCents: 5000,
          reason: 'Returned, money back',
        }),
        201,
      );
    });

    it('REFUND_LIMIT_EXCEEDED above the correspondent limit (exactly the limit is fine); a supervisor may go above it', async () => {
      await no(
        () => c2.post(`/cases/${ofC2}/refunds`, { orderId: 'O-3', amountCents: 50_001, reason: 'x' }),
        422,
        'REFUND_LIMIT_EXCEEDED',
      );
      expectStatus(
        await c2.post(`/cases/${ofC2}/refunds`, { orderId: 'O-3', amountCents: 50_000, reason: 'x' }),
        201,
      );
      expectStatus(
        await sup.post(`/cases/${ofC2}/refunds`, {
          orderId: 'O-3',
          amountCents: 60_000,
          reason: 'Approved above the limit',
        }),
        201,
      );
      expect((await show(ofC2)).refundsCents).toBe(6000 + 5000 + 50_000 + 60_000);
    });

    it('order: case, accountability, UNKNOWN_ORDER, ORDER_CANCELLED, REFUND_EXCEEDS_ORDER, REFUND_LIMIT_EXCEEDED', async () => {
      await no(
        () => c1.post('/cases/no-such-case/refunds', { orderId: 'O-404', amountCents: 60_000, reason: 'x' }),
        404,
        'CASE_NOT_FOUND',
      );
      await no(
        () => c1.post(`/cases/${ofC2}/refunds`, { orderId: 'O-404', amountCents: 60_000, reason: 'x' }),
        403,
        'NOT_ASSIGNEE',
      );
      await no(
        () => c2.post(`/cases/${ofC2}/refunds`, { orderId: 'O-404', amountCents: 600_000, reason: 'x' }),
        422,
        'UNKNOWN_ORDER',
      );
      await no(
        () => c2.post(`/cases/${ofC2}/refunds`, { orderId: 'O-2', amountCents: 600_000, reason: 'x' }),
        422,
        'ORDER_CANCELLED',
      );
      await no(
        () => c2.post(`/cases/${ofC2}/refunds`, { orderId: 'O-1', amountCents: 60_000, reason: 'x' }),
        422,
        'REFUND_EXCEEDS_ORDER',
      );
    });
  });

  describe('repeat contacts', () => {
    it('escalate a sorted case one step per contact, capped at urgent (then only CaseContactRepeated); the body’s caseId is ignored', async () => {
      const who = { type: 'customer', id: 'CU-REPEAT' };
      const id = await openCase({ complainant: who, subject: 'Late parcel' });
      expectStatus(
        await sup.post(`/cases/${id}/sort`, sortBody(1, { assigneeId: 'C-2', priority: 'normal' })),
        200,
      );
      for (const subject of ['RE: late parcel', 'Fwd:  re:LATE\u00a0parcel', '  late   PARCEL ']) {
        const again = await intake.post(
          '/cases',
          complaint({ caseId: 'would-be-new', complainant: who, subject }),
        );
        expectStatus(again, 200);
        expect(again.body).toMatchObject({ caseId: id, repeatOf: id });
      }
      expect(await show(id)).toMatchObject({ priority: 'urgent', repeatContacts: 3 });
      expectError(await sup.get('/cases/would-be-new'), 404, 'CASE_NOT_FOUND');
      const events = (await history(id)).map((e) =>
        e.type === 'CasePriorityRaised' ? `${e.data.from}→${e.data.to}` : e.type,
      );
      expect(events).toEqual([
        'ComplaintReceived',
        'CaseSorted',
        'CaseAssigned',
        'CaseContactRepeated',
        'normal→high',
        'CaseContactRepeated',
        'high→urgent',
        'CaseContactRepeated',
      ]);
    });

    it('a never-sorted case only records the contact; another subject, complainant type or a resolved case opens a new case', async () => {
      const who = { type: 'distributor', id: 'D-REPEAT' };
      const id = await openCase({ complainant: who, subject: 'Commission missing' });
      const again = await intake.post(
        '/cases',
        complaint({ complainant: who, subject: 're: commission missing' }),
      );
      expect(again.status).toBe(200);
      expect((await history(id)).map((e) => e.type)).toEqual(['ComplaintReceived', 'CaseContactRepeated']);
      expect(
        (await intake.post('/cases', complaint({ complainant: who, subject: 'Commission late' }))).status,
      ).toBe(201);
      expect(
        (
          await intake.post(
            '/cases',
            complaint({ complainant: { type: 'customer', id: 'D-REPEAT' }, subject: 'Commission missing' }),
          )
        ).status,
      ).toBe(201);
      const resolvedId = await resolvedCaseFor(c2, 'C-2');
      const resolved = await show(resolvedId);
      const fresh = await intake.post(
        '/cases',
        complaint({ complainant: resolved.complainant, subject: resolved.subject }),
      );
      expect(fresh.status).toBe(201);
      expect(fresh.body.caseId).not.toBe(resolvedId);
    });
  });

  // Last: it changes the limits for everything after it.
  describe('service standards', () => {
    let ofC1 = '';
    const hourAgo = fromNow(-60 * MINUTE);

    beforeAll(async () => {
      ofC1 = await caseFor('C-1');
      for (const m of new Set([month, hourAgo.slice(0, 7)]))
        expectStatus(
          await sup.post('/goodwill-budgets', { staffId: 'C-1', month: m, amountCents: 100_000 }),
          201,
        );
    });

    it('PUT /standards sets version 2, which judges later commands; a back-dated command is judged by the standards of its occurredAt', async () => {
      const before = await c1.post(`/cases/${ofC1}/goodwill`, {
        kind: 'credit',
        amountCents: 1500,
        reason: 'x',
      });
      expectStatus(before, 201);
      expectStatus(
        await c1.post(`/cases/${ofC1}/refunds`, { orderId: 'O-3', amountCents: 2500, reason: 'x' }),
        201,
      );

      const set = await sup.put('/standards', {
        firstResponseHours: { mail: 24, email: 12, web: 12, social: 2, phone: 2, chat: 1 },
        goodwillPctOfSalesGuideline: 0.4,
        goodwillPerGrantLimitCents: 1000,
        refundLimitCents: 2000,
      });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({
        streamId: 'standards',
        revision: 0,
        eventIds: [expect.any(String)],
        globalPosition: expect.any(Number),
        version: 2,
      });

      await no(
        () => c1.post(`/cases/${ofC1}/goodwill`, { kind: 'credit', amountCents: 1500, reason: 'x' }),
        422,
        'GOODWILL_LIMIT_EXCEEDED',
      );
      await no(
        () => c1.post(`/cases/${ofC1}/refunds`, { orderId: 'O-3', amountCents: 2500, reason: 'x' }),
        422,
        'REFUND_LIMIT_EXCEEDED',
      );
      const after = await c1.post(`/cases/${ofC1}/goodwill`, {
        kind: 'credit',
        amountCents: 1000,
        reason: 'x',
      });
      expectStatus(after, 201);
      expectStatus(
        await c1.post(`/cases/${ofC1}/refunds`, { orderId: 'O-3', amountCents: 2000, reason: 'x' }),
        201,
      );
      const backDated = await c1.post(`/cases/${ofC1}/goodwill`, {
        kind: 'credit',
        amountCents: 1500,
        reason: 'x',
        occurredAt: hourAgo,
      });
      expectStatus(backDated, 201);

      const versionOf = async (eventId: string) =>
        (await app.store.readEventsById([eventId]))[0].metadata.standardsVersion;
      expect(await versionOf(before.body.eventIds[0])).toBe(1);
      expect(await versionOf(after.body.eventIds[0])).toBe(2);
      expect(await versionOf(backDated.body.eventIds[0])).toBe(1);
      expect(await versionOf(set.body.eventIds[0])).toBe(1);

      const next = await sup.put('/standards', {
        firstResponseHours: { mail: 48, email: 24, web: 24, social: 4, phone: 4, chat: 1 },
        goodwillPctOfSalesGuideline: 0.5,
        goodwillPerGrantLimitCents: 5000,
        refundLimitCents: 50_000,
      });
      expect(next.body).toMatchObject({ streamId: 'standards', revision: 1, version: 3 });
    });
  });
});
