import type { Http } from '../support/http.js';
import {
  caller,
  complaint,
  expectError,
  expectStatus,
  orderPlaced,
  sortBody,
} from '../support/api-fixtures.js';
import { serverMonth } from '../support/server-clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Requests racing each other over real HTTP: repeat-contact detection must be exact (one case per
 * open matter), retries must absorb optimistic-concurrency conflicts, and money guards (budget,
 * order total) must never be overdrawn however the requests interleave.
 */

describe('concurrency', () => {
  let app: TestApp;
  let sup: Http, intake: Http, c1: Http, integration: Http;
  let month: string; // the server's month, asked once it is up

  beforeAll(async () => {
    app = await startTestApp();
    month = await serverMonth(app.url);
    sup = await caller(app, 'S-1', 'supervisor');
    intake = await caller(app, 'I-1', 'intake');
    c1 = await caller(app, 'C-1', 'correspondent');
    integration = await caller(app, 'orders', 'integration');
    expectStatus(
      await sup.post('/staff', { staffId: 'C-1', name: 'Carla', roles: ['correspondent'], skillLevel: 5 }),
      201,
    );
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  async function complaintsRacing(n: number, complainantId: string) {
    const body = complaint({
      complainant: { type: 'distributor', id: complainantId },
      subject: 'Commission missing for August',
    });
    const replies = await Promise.all(
      Array.from({ length: n }, (_, i) => intake.post('/cases', { ...body, body: `Contact number ${i}` })),
    );
    const created = replies.filter((r) => r.status === 201);
    const repeats = replies.filter((r) => r.status === 200);
    expect({ created: created.length, repeats: repeats.length }).toEqual({ created: 1, repeats: n - 1 });
    const caseId = created[0].body.caseId;
    for (const repeat of repeats)
      expect(repeat.body).toMatchObject({ caseId, repeatOf: caseId, streamId: `case-${caseId}` });
    const events = await app.store.readStream(`case-${caseId}`);
    expect(events.map((e) => e.type)).toEqual([
      'ComplaintReceived',
      ...Array(n - 1).fill('CaseContactRepeated'),
    ]);
    expect(events.map((e) => e.streamRevision)).toEqual(events.map((_, i) => i));
    // Every contact is recorded exactly once: the opening one and each repeat.
    const bodies = events.map((e) => (e.data as { body: string }).body).sort();
    expect(bodies).toEqual(Array.from({ length: n }, (_, i) => `Contact number ${i}`).sort());
    // The complainant has one case under this subject, and the log has one ComplaintReceived for them.
    expect(await app.store.readStream(`complainant-distributor-${complainantId}`)).toHaveLength(1);
    const received = (await app.store.readAll({ maxCount: 100_000 })).filter(
      (e) =>
        e.type === 'ComplaintReceived' &&
        (e.data as { complainant: { id: string } }).complainant.id === complainantId,
    );
    expect(received).toHaveLength(1);
    const shown = await sup.get(`/cases/${caseId}`);
    expect(shown.body.repeatContacts).toBe(n - 1);
  }

  it('two identical complaints fired together open exactly one case; the other is a repeat of it', async () => {
    await complaintsRacing(2, 'D-RACE-2');
  });

  it('ten identical complaints fired together: one case (201), nine repeats (200 repeatOf)', async () => {
    await complaintsRacing(10, 'D-RACE-10');
  });

  it('20 parallel responses on one case all succeed; the case has 20 responses at contiguous revisions', async () => {
    const filed = await intake.post('/cases', complaint());
    const caseId = filed.body.caseId;
    expectStatus(await sup.post(`/cases/${caseId}/sort`, sortBody(1, { assigneeId: 'C-1' })), 200);
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        c1.post(`/cases/${caseId}/responses`, { channel: 'email', summary: `Answer ${i}` }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(200));
    // Each answer names the revision its event got: 3..22, each once.
    expect(replies.map((r) => r.body.revision).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 3),
    );
    const shown = await sup.get(`/cases/${caseId}`);
    expect(shown.body).toMatchObject({ responses: 20, revision: 22 });
    const events = await app.store.readStream(`case-${caseId}`);
    expect(events.map((e) => e.streamRevision)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(
      events
        .filter((e) => e.type === 'ResponseSent')
        .map((e) => (e.data as { summary: string }).summary)
        .sort(),
    ).toEqual(Array.from({ length: 20 }, (_, i) => `Answer ${i}`).sort());
    for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
  });

  it('parallel goodwill grants against a budget that fits only some: exactly the affordable ones succeed, the budget is never overdrawn', async () => {
    const filed = await intake.post('/cases', complaint());
    const caseId = filed.body.caseId;
    expectStatus(await sup.post(`/cases/${caseId}/sort`, sortBody(1, { assigneeId: 'C-1' })), 200);
    expectStatus(await sup.post('/goodwill-budgets', { staffId: 'C-1', month, amountCents: 10_000 }), 201);
    // 3000 each: three fit in 10 000, the fourth would overdraw it.
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        c1.post(`/cases/${caseId}/goodwill`, { kind: 'credit', amountCents: 3000, reason: `Gesture ${i}` }),
      ),
    );
    const granted = replies.filter((r) => r.status === 201);
    const refused = replies.filter((r) => r.status !== 201);
    expect(granted).toHaveLength(3);
    for (const reply of refused) expectError(reply, 422, 'GOODWILL_BUDGET_EXCEEDED');
    for (const reply of granted) expect(reply.body.overBudget).toBe(false);
    const account = await app.store.readStream('goodwill-C-1');
    const grants = account
      .filter((e) => e.type === 'GoodwillGranted')
      .map((e) => (e.data as { amountCents: number }).amountCents);
    expect(grants).toEqual([3000, 3000, 3000]);
    expect((await sup.get(`/cases/${caseId}`)).body.goodwillCents).toBe(9000);
    // The remaining 1000 is still there to grant, and not a cent more.
    expectStatus(
      await c1.post(`/cases/${caseId}/goodwill`, { kind: 'credit', amountCents: 1000, reason: 'The rest' }),
      201,
    );
    expectError(
      await c1.post(`/cases/${caseId}/goodwill`, { kind: 'credit', amountCents: 1, reason: 'One cent more' }),
      422,
      'GOODWILL_BUDGET_EXCEEDED',
    );
  });

  it('parallel refunds against one order: their sum never exceeds its total', async () => {
    const filed = await intake.post('/cases', complaint());
    const caseId = filed.body.caseId;
    expectStatus(await sup.post(`/cases/${caseId}/sort`, sortBody(1, { assigneeId: 'C-1' })), 200);
    expectStatus(await integration.post('/order-events', { events: [orderPlaced('O-RACE', 10_000)] }), 200);
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        c1.post(`/cases/${caseId}/refunds`, { orderId: 'O-RACE', amountCents: 4000, reason: `Refund ${i}` }),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(2);
    for (const reply of replies.filter((r) => r.status !== 201))
      expectError(reply, 422, 'REFUND_EXCEEDS_ORDER');
    expect((await sup.get(`/cases/${caseId}`)).body.refundsCents).toBe(8000);
  });
});
