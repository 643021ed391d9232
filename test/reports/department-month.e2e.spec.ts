import { jest } from '@jest/globals';
import { Http } from '../support/http.js';
import { departmentMonth } from './department-month.scenario.js';
import {
  followThroughSeptemberAtW,
  goodwillSeptember,
  repWorkloadAtW,
  W,
} from './department-month.figures.js';
import { startReportsTestApp, type ReportsTestApp } from './reports-test-app.js';
import { sendScenario } from './scenario-over-http.js';

jest.setTimeout(120_000);

const september = 'from=2026-09-01T00:00:00.000Z&to=2026-10-01T00:00:00.000Z';

/**
 * The month of department-month.scenario.ts sent as HTTP commands (the domain decides the events),
 * then the three reports read over HTTP, as JSON and CSV, against the figures worked out by hand.
 */
describe('the three reports over a month of the department, through the HTTP API', () => {
  let app: ReportsTestApp;
  let analyst: Http;
  let last: number;

  beforeAll(async () => {
    app = await startReportsTestApp({ waitMs: 1000 });
    last = await sendScenario(app, departmentMonth());
    analyst = await app.as('A-1', 'analyst');
  });
  afterAll(() => app?.stop());

  it('answers the rep workload as of W once the projection has read the last write', async () => {
    const reply = await analyst.get(`/reports/rep-workload?asOf=${W}&minPosition=${last}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ...repWorkloadAtW, position: last });
  });

  it('answers goodwill as a percentage of September sales', async () => {
    const reply = await analyst.get(`/reports/goodwill?${september}&minPosition=${last}`);
    expect(reply.body).toEqual({ ...goodwillSeptember, position: last });
  });

  it('answers follow-through for September as of W', async () => {
    const reply = await (
      await app.as('A-2', 'auditor')
    ).get(`/reports/follow-through?${september}&asOf=${W}&minPosition=${last}`);
    expect(reply.body).toEqual({ ...followThroughSeptemberAtW, position: last });
  });

  it('answers the main list as CSV for Accept: text/csv', async () => {
    const workload = await analyst.get(`/reports/rep-workload?asOf=${W}`, { Accept: 'text/csv' });
    expect(workload.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(workload.body).toBe(
      [
        'staffId,name,skillLevel,openCases,weightedLoad,oldestOpenAgeHours,byPriority.low,byPriority.normal,byPriority.high,byPriority.urgent',
        'C-01,Ada Brandt,5,4,10,747,0,1,0,2',
        'C-02,Ben Castillo,5,3,11,771,0,1,0,2',
        'C-03,Cleo Duarte,3,3,5,819,1,2,0,0',
        'C-05,Eve Fischer,2,4,15,291,1,0,1,2',
        '',
      ].join('\n'),
    );
    const goodwill = await analyst.get(`/reports/goodwill?${september}`, { Accept: 'text/csv' });
    expect(goodwill.body).toBe(
      [
        'staffId,grants,goodwillCents,pctOfSales,shareOfGoodwillPct,budgetCents,budgetUsedPct,averageGrantCents,overBudgetGrants',
        'C-01,4,9000,1.05,34.62,20000,45,2250,0',
        'C-02,3,14000,1.64,53.85,15000,93.33,4667,1',
        'C-03,1,1000,0.12,3.85,0,,1000,1',
        'C-04,1,2000,0.23,7.69,3000,66.67,2000,0',
        '',
      ].join('\n'),
    );
    const lines = String(
      (await analyst.get(`/reports/follow-through?${september}&asOf=${W}`, { Accept: 'text/csv' })).body,
    ).split('\n');
    expect(lines[0]).toBe(
      'staffId,followUps.promised,followUps.completedOnTime,followUps.completedLate,followUps.overdue,followUps.pending,followUps.followThroughRate,' +
        'cases.received,cases.responded,cases.firstResponseMedianHours,cases.firstResponseP90Hours,cases.withinStandardPct,cases.resolved,' +
        'cases.resolutionMedianHours,cases.reopenRatePct,cases.repeatContacts,cases.refundTurnaroundMedianHours,' +
        'cases.satisfaction.delighted,cases.satisfaction.satisfied,cases.satisfaction.disappointed,cases.satisfaction.annoyed,cases.satisfaction.angry,cases.satisfaction.unhappyPct',
    );
    expect(lines.slice(1)).toEqual([
      'C-01,0,0,0,0,0,,9,9,6,6,100,6,30,0,3,,4,2,0,0,0,0',
      'C-02,4,2,1,1,0,50,11,10,6,6,100,9,30,0,0,,1,5,1,1,1,33.33',
      'C-03,2,1,1,0,0,50,12,12,50,50,16.67,12,60,16.67,0,55,0,6,4,1,2,53.85',
      'C-04,0,0,0,0,0,,6,6,3,4,33.33,2,48,0,0,,0,0,1,0,0,100',
      'C-05,2,0,0,0,2,,4,3,0.5,1,100,0,,,0,,0,0,0,0,0,',
      '',
    ]);
  });

  it('answers 503 PROJECTION_BEHIND with the position reached when minPosition is not reached in time', async () => {
    const reply = await analyst.get(`/reports/rep-workload?minPosition=${last + 1000}`);
    expect(reply.status).toBe(503);
    expect(reply.body).toEqual({
      statusCode: 503,
      code: 'PROJECTION_BEHIND',
      message: expect.any(String),
      details: { position: last },
    });
  });

  it('refuses a period that is empty or does not parse, and a bad minPosition, naming the fields', async () => {
    const paths = async (query: string) => {
      const reply = await analyst.get(`/reports/${query}`);
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe('VALIDATION_FAILED');
      return (reply.body.details as Array<{ path: string }>).map((d) => d.path);
    };
    expect(await paths('goodwill?from=2026-10-01&to=2026-09-01')).toEqual(['to']);
    expect(await paths('goodwill?from=2026-09-01&to=2026-09-01')).toEqual(['to']);
    expect(await paths('follow-through?from=yesterday&to=2026-10-01')).toEqual(['from']);
    expect(await paths('follow-through?to=2026-10-01')).toEqual(['from']);
    expect(await paths('rep-workload?minPosition=-1')).toEqual(['minPosition']);
    expect(await paths('rep-workload?asOf=2026-13-01T00:00:00Z')).toEqual(['asOf']);
  });

  it('lets supervisors, analysts and auditors (and admin) read reports, nobody else', async () => {
    for (const role of ['supervisor', 'analyst', 'auditor', 'admin'])
      expect((await (await app.as('X', role)).get(`/reports/goodwill?${september}`)).status).toBe(200);
    expect((await (await app.as('C-01', 'correspondent')).get(`/reports/goodwill?${september}`)).status).toBe(
      403,
    );
    expect((await new Http(app.url).get(`/reports/goodwill?${september}`)).status).toBe(401);
  });

  it('reports the projections in /health and /metrics, caught up', async () => {
    const health = await new Http(app.url).get('/health');
    expect(health.body.projections).toMatchObject({
      ready: true,
      runnerActive: true,
      position: last,
      eventsBehind: 0,
    });
    const metrics = String((await new Http(app.url).get('/metrics')).body);
    expect(metrics).toContain(`caseledger_projection_position{projection="case-timeline"} ${last}`);
    expect(metrics).toContain('caseledger_projection_lag_events{projection="sales-and-goodwill"} 0');
    expect(metrics).toContain('caseledger_projector_active 1');
  });
});
