import { caller, expectStatus } from '../../support/api-fixtures.js';
import type { Http } from '../../support/http.js';
import type { TestApp } from '../../support/test-app.js';

/** Back-dated orders with known business times, for the period filters. */
export const ORDER_TIMES = [
  '2026-01-15T09:00:00.000Z',
  '2026-02-01T00:00:00.000Z',
  '2026-03-01T00:00:00.000Z',
] as const;

export interface AuditScenario {
  /** The case with a goodwill grant on goodwill-C-2 (revision 1) and a refund on order-O-1 (revision 1). */
  caseA: string;
  caseB: string;
  auditor: Http;
  admin: Http;
}

/**
 * A small department's day, through the API: staff registered, two cases filed and sorted, C-2
 * answers case A, grants goodwill on it and refunds part of order O-1; C-1 answers case B. The
 * orders O-1…O-3 are back-dated to ORDER_TIMES.
 */
export async function aDepartmentDay(app: TestApp): Promise<AuditScenario> {
  const admin = await caller(app, 'admin', 'admin');
  const supervisor = await caller(app, 'S-1', 'supervisor');
  const intake = await caller(app, 'intake-desk', 'intake');
  const c1 = await caller(app, 'C-1', 'correspondent');
  const c2 = await caller(app, 'C-2', 'correspondent');
  const integration = await caller(app, 'order-system', 'integration');
  const ok = async (reply: Promise<{ status: number; body: any; headers: Headers }>, status = 200) => {
    const r = await reply;
    expectStatus(r, status);
    return r.body;
  };

  await ok(
    admin.post('/staff', { staffId: 'S-1', name: 'Sam Supervisor', roles: ['supervisor'], skillLevel: 5 }),
    201,
  );
  await ok(
    supervisor.post('/staff', {
      staffId: 'C-1',
      name: 'Carla Correspondent',
      roles: ['correspondent'],
      skillLevel: 5,
    }),
    201,
  );
  await ok(
    supervisor.post('/staff', {
      staffId: 'C-2',
      name: 'Colin Correspondent',
      roles: ['correspondent'],
      skillLevel: 5,
    }),
    201,
  );
  const orders = ORDER_TIMES.map((occurredAt, i) => ({
    eventId: `6f1c2a0e-5b7d-4c1e-9a31-0d2b8e4f7a1${i}`,
    type: 'OrderPlaced',
    orderId: `O-${i + 1}`,
    occurredAt,
    distributorId: 'D-17',
    totalCents: 10_000,
  }));
  await ok(integration.post('/order-events', { events: orders }));

  const caseA = (
    await ok(
      intake.post('/cases', {
        channel: 'mail',
        complainant: { type: 'distributor', id: 'D-17' },
        orderId: 'O-1',
        subject: 'Broken lid',
        body: 'Cracked.',
      }),
      201,
    )
  ).caseId;
  await ok(
    supervisor.post(`/cases/${caseA}/sort`, {
      category: 'product',
      complexity: 2,
      priority: 'normal',
      assigneeId: 'C-2',
    }),
  );
  await ok(c2.post(`/cases/${caseA}/responses`, { channel: 'email', summary: 'A new lid is on its way.' }));
  await ok(
    supervisor.post('/goodwill-budgets', {
      staffId: 'C-2',
      month: new Date().toISOString().slice(0, 7),
      amountCents: 10_000,
    }),
    201,
  );
  await ok(
    c2.post(`/cases/${caseA}/goodwill`, {
      grantId: 'G-1',
      kind: 'credit',
      amountCents: 2500,
      reason: 'Second broken lid',
    }),
    201,
  );
  await ok(
    c2.post(`/cases/${caseA}/refunds`, {
      refundId: 'R-1',
      orderId: 'O-1',
      amountCents: 1500,
      reason: 'Money-back guarantee',
    }),
    201,
  );

  const caseB = (
    await ok(
      intake.post('/cases', {
        channel: 'phone',
        complainant: { type: 'customer', id: 'CU-9' },
        subject: 'Where is my parcel?',
        body: 'Late.',
      }),
      201,
    )
  ).caseId;
  await ok(
    supervisor.post(`/cases/${caseB}/sort`, {
      category: 'shipping',
      complexity: 1,
      priority: 'low',
      assigneeId: 'C-1',
    }),
  );
  await ok(c1.post(`/cases/${caseB}/responses`, { channel: 'phone', summary: 'It ships tomorrow.' }));

  return { caseA, caseB, auditor: await caller(app, 'AU-1', 'auditor'), admin };
}
