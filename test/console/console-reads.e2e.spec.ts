import { jest } from '@jest/globals';
import { Http } from '../support/http.js';
import { departmentMonth } from '../reports/department-month.scenario.js';
import { sendScenario } from '../reports/scenario-over-http.js';
import { startConsoleApp, type ConsoleTestApp } from './support/console-app.js';

jest.setTimeout(120_000);

/**
 * The read endpoints the console needs (GET /cases, /standards, /goodwill-budgets/…), over HTTP on
 * the month of department-month.scenario.ts, whose cases and budgets are known by construction.
 */
describe('the console reads: case list, standards in force, goodwill account', () => {
  let app: ConsoleTestApp;
  let supervisor: Http;
  let last: number;

  beforeAll(async () => {
    app = await startConsoleApp();
    last = await sendScenario(app, departmentMonth());
    supervisor = await app.as('S-01', 'supervisor');
  });
  afterAll(() => app?.stop());

  const ids = (reply: { body: { cases: Array<{ caseId: string }> } }) =>
    reply.body.cases.map((c) => c.caseId);

  it('lists the never-sorted web complaints U01–U04 as the open unassigned ones, newest first', async () => {
    const reply = await supervisor.get(`/cases?status=open&assigneeId=none&minPosition=${last}`);
    expect(reply.status).toBe(200);
    // B04 was assigned by hand (never sorted): unsorted, but not unassigned.
    expect(ids(reply)).toEqual(['U04', 'U03', 'U02', 'U01']);
    expect(reply.body).toMatchObject({ total: 4, limit: 50, offset: 0, position: last });
    expect(reply.body.cases[0]).toEqual({
      caseId: 'U04',
      status: 'open',
      receivedAt: '2026-09-25T13:00:00.000Z',
      channel: 'web',
      complainant: { type: 'customer', id: 'V-4', name: null },
      distributorId: null,
      subject: 'Complaint U04',
      category: null,
      complexity: null,
      priority: null,
      assigneeId: null,
    });
  });

  it('filters by channel, complainant, subject words and the received period, and pages', async () => {
    expect(ids(await supervisor.get('/cases?channel=social'))).toEqual(['S02', 'S01']);
    expect(ids(await supervisor.get('/cases?complainantId=Y-1'))).toEqual(['S01']);
    expect(ids(await supervisor.get('/cases?subject=complaint%20u0&limit=2'))).toEqual(['U04', 'U03']);
    const second = await supervisor.get('/cases?subject=complaint%20u0&limit=2&offset=2');
    expect(ids(second)).toEqual(['U02', 'U01']);
    expect(second.body.total).toBe(4);
    const past = await supervisor.get('/cases?subject=complaint%20u0&limit=2&offset=10');
    expect(past.body).toMatchObject({ cases: [], total: 4 });
    expect(
      ids(
        await supervisor.get(
          '/cases?receivedFrom=2026-09-28T00:00:00.000Z&receivedTo=2026-09-28T11:15:00.000Z',
        ),
      ),
    ).toEqual(['S01']);
    // A subject search means the characters typed: % is no wildcard.
    expect((await supervisor.get('/cases?subject=%25')).body.total).toBe(0);
    // S01 was sorted urgent; everything listed as urgent says so.
    const urgent = await supervisor.get('/cases?priority=urgent&limit=200');
    expect(urgent.body.cases.map((c: any) => c.priority)).toEqual(urgent.body.cases.map(() => 'urgent'));
    expect(ids(urgent)).toContain('S01');
  });

  it('refuses a misspelt filter or an empty period with 400 naming the field, and answers every role', async () => {
    const bad = await supervisor.get('/cases?assignee=C-01');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details).toEqual([{ path: 'assignee', message: 'Unknown field' }]);
    const period = await supervisor.get(
      '/cases?receivedFrom=2026-09-02T00:00:00Z&receivedTo=2026-09-01T00:00:00Z',
    );
    expect(period.body.details.map((d: any) => d.path)).toEqual(['receivedTo']);
    expect((await supervisor.get('/cases?limit=201')).status).toBe(400);
    for (const role of ['intake', 'sorter', 'correspondent', 'auditor', 'analyst', 'integration'])
      expect((await (await app.as('X', role)).get('/cases?limit=1')).status).toBe(200);
    expect((await new Http(app.url).get('/cases')).status).toBe(401);
  });

  it('answers the standards in force at an instant: the defaults before 09-15, version 2 after', async () => {
    const before = await supervisor.get('/standards?at=2026-09-10T00:00:00.000Z');
    expect(before.body).toEqual({
      version: 1,
      since: null,
      firstResponseHours: { mail: 48, email: 24, web: 24, social: 4, phone: 4, chat: 1 },
      goodwillPctOfSalesGuideline: 0.5,
      goodwillPerGrantLimitCents: 5000,
      refundLimitCents: 50000,
    });
    const after = await (await app.as('C-01', 'correspondent')).get('/standards?at=2026-09-20T00:00:00.000Z');
    expect(after.body).toEqual({
      version: 2,
      since: '2026-09-15T00:00:00.000Z',
      firstResponseHours: { mail: 24, email: 12, web: 12, social: 2, phone: 2, chat: 1 },
      goodwillPctOfSalesGuideline: 0.4,
      goodwillPerGrantLimitCents: 4000,
      refundLimitCents: 30000,
    });
  });

  it("answers a goodwill account's month (the September budgets and grants), a correspondent their own only", async () => {
    // C-01: budget 20 000; 4 grants, 9 000, in September (the hand-worked goodwill figures of the month).
    const own = await (await app.as('C-01', 'correspondent')).get('/goodwill-budgets/C-01/2026-09');
    expect(own.body).toEqual({
      staffId: 'C-01',
      month: '2026-09',
      budgetCents: 20000,
      grantedCents: 9000,
      grants: 4,
      remainingCents: 11000,
    });
    // C-02: 10 000 + 5 000 allocated, 14 000 granted in 3 grants.
    expect((await supervisor.get('/goodwill-budgets/C-02/2026-09')).body).toMatchObject({
      budgetCents: 15000,
      grantedCents: 14000,
      remainingCents: 1000,
    });
    expect((await (await app.as('C-01', 'correspondent')).get('/goodwill-budgets/C-02/2026-09')).status).toBe(
      403,
    );
    expect((await supervisor.get('/goodwill-budgets/C-02/2026-13')).status).toBe(400);
    expect((await (await app.as('I-1', 'intake')).get('/goodwill-budgets/C-01/2026-09')).status).toBe(403);
  });
});
