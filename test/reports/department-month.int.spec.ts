import { jest } from '@jest/globals';
import { ProjectionRunner, ProjectionStatus, ReportQueries } from '#projections';
import {
  startProjectionDatabase,
  type ProjectionDatabase,
} from '../../libs/projections/test/projection-database.js';
import { departmentMonth } from './department-month.scenario.js';
import {
  followThroughSeptemberAtW,
  goodwillSeptember,
  repWorkloadAtW,
  W,
} from './department-month.figures.js';
import { appendScenario } from './scenario-as-events.js';

jest.setTimeout(60_000);

/**
 * The month of department-month.scenario.ts appended straight to the log, projected by the runner,
 * and every figure of the three reports compared with the ones worked out by hand.
 */
describe('the three reports over a month of the department (events appended to the log)', () => {
  let db: ProjectionDatabase;
  let reports: ReportQueries;
  let head: number;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    db = await startProjectionDatabase();
    head = await appendScenario(db.store, departmentMonth());
    runner = new ProjectionRunner({ store: db.store, pool: db.pool, batchSize: 100, idlePollMs: 20 }).start();
    expect((await new ProjectionStatus(db.pool, db.store).waitForPosition(head, 30_000)).reached).toBe(true);
    reports = new ReportQueries(db.pool);
  });
  afterAll(async () => {
    await runner?.stop();
    await db?.stop();
  });

  it('gives the rep workload as of W', async () => {
    expect(await reports.repWorkload(W)).toEqual({ ...repWorkloadAtW, position: head });
  });

  it('gives goodwill as a percentage of September sales', async () => {
    expect(
      await reports.goodwill(
        '2026-09-01T00:00:00.000Z',
        '2026-10-01T00:00:00.000Z',
        new Date().toISOString(),
      ),
    ).toEqual({ ...goodwillSeptember, position: head });
  });

  it('gives follow-through for September as of W', async () => {
    expect(await reports.followThrough('2026-09-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z', W)).toEqual({
      ...followThroughSeptemberAtW,
      position: head,
    });
  });
});
