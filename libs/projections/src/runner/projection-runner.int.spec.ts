import { jest } from '@jest/globals';
import { bulkInsertLog } from '../../test/bulk-insert-log.js';
import { generateDepartmentLog } from '../../test/generated-log.js';
import {
  checkpointPositions,
  dumpReadModels,
  eventually,
  resetReadModels,
  startProjectionDatabase,
  type ProjectionDatabase,
} from '../../test/projection-database.js';
import { silentLogger } from '#event-store';
import type { CaseResponse } from '../read-models/case-timeline/case-timeline.entities.js';
import { caseResponses } from '../read-models/case-timeline/case-timeline.projection.js';
import { caseTimeline, PROJECTIONS, type Projection } from '../read-models/projections.js';
import type { FactsOf, ReadModelTable } from '../read-models/read-model-table.js';
import { rebuildProjections } from '../rebuild/rebuild-projections.js';
import { applyBatch } from './apply-batch.js';
import { CheckpointMoved, readCheckpoints } from './checkpoints.js';
import { ProjectionRunner } from './projection-runner.js';
import { LOCK_CLASS, PROJECTOR_LOCK } from './projector-lock.js';
import { ProjectionStatus } from './projection-status.js';
import { readDomainFacts } from './read-domain-facts.js';

jest.setTimeout(60_000);

let db: ProjectionDatabase;
let status: ProjectionStatus;
let runners: ProjectionRunner[] = [];
const revisions = new Map<string, number>();
const generated = (cases: number, seed: number, idPrefix: string) =>
  generateDepartmentLog({ cases, seed, idPrefix, revisions });
const names = PROJECTIONS.map((p) => p.name);

const runner = (o: Partial<ConstructorParameters<typeof ProjectionRunner>[0]> = {}) => {
  const r = new ProjectionRunner({
    store: db.store,
    pool: db.pool,
    batchSize: 200,
    idlePollMs: 20,
    standbyPollMs: 200,
    retryMs: 100,
    ...o,
  }).start();
  runners.push(r);
  return r;
};
const caughtUp = async () =>
  expect((await status.waitForPosition(await db.store.headPosition(), 20_000)).reached).toBe(true);
const lockHolderPid = async () =>
  (
    await db.ownerPool.query<{ pid: number }>(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND granted`,
      [LOCK_CLASS, PROJECTOR_LOCK],
    )
  ).rows[0]?.pid;
const killActiveConnection = async () =>
  db.ownerPool.query('SELECT pg_terminate_backend($1)', [
    await eventually(lockHolderPid, 10_000, 'an active runner'),
  ]);
/** Every fact table holds exactly one row per event of its kinds: nothing lost, nothing twice. */
const factCounts = async () =>
  (
    await db.ownerPool.query(`SELECT
      (SELECT count(*) FROM event_store.events WHERE type = 'ResponseSent') = (SELECT count(*) FROM read_models.case_responses) AS responses,
      (SELECT count(*) FROM event_store.events WHERE type = 'CaseAssigned') = (SELECT count(*) FROM read_models.case_assignments) AS assignments,
      (SELECT count(*) FROM event_store.events WHERE type = 'GoodwillGranted') = (SELECT count(*) FROM read_models.goodwill_grants) AS grants,
      (SELECT count(*) FROM event_store.events WHERE type = 'FollowUpCompleted') = (SELECT count(*) FROM read_models.follow_ups WHERE completed_at IS NOT NULL) AS completions`)
  ).rows[0];

const rowsBeyondCheckpoint = async () =>
  (
    await db.ownerPool.query<{
      n: number;
    }>(`SELECT (SELECT count(*) FROM read_models.case_responses WHERE global_position >
      (SELECT position FROM read_models.projection_checkpoints WHERE projection = 'case-timeline'))::int AS n`)
  ).rows[0].n;

beforeAll(async () => {
  db = await startProjectionDatabase();
  status = new ProjectionStatus(db.pool, db.store);
  await bulkInsertLog(db.ownerPool, generated(300, 11, '0a01'));
});
afterEach(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  runners = [];
});
afterAll(() => db?.stop());

describe('projection runner on PostgreSQL', () => {
  it('rolls a failed batch back whole and resumes from the last committed one', async () => {
    const head = await db.store.headPosition();
    const failAt = Math.floor(head * 0.6);
    // Last in the projection: the other tables have written their rows in the batch's transaction.
    const exploding = {
      ...caseResponses,
      evolve: (row: CaseResponse | null, e: FactsOf<'ResponseSent'>) => {
        if (e.globalPosition >= failAt) throw new Error('crash mid-batch');
        return caseResponses.evolve(row, e);
      },
    };
    const crashing: Projection[] = [
      { ...caseTimeline, tables: [...caseTimeline.tables, exploding as unknown as ReadModelTable] },
      ...PROJECTIONS.slice(1),
    ];
    const crashes: object[] = [];
    const first = runner({
      projections: crashing,
      logger: { ...silentLogger, warn: (details) => crashes.push(details) },
    });
    await eventually(async () => crashes.length > 0, 20_000, 'the crash');
    await first.stop();
    const stuck = await checkpointPositions(db.pool);
    await first.stop();
    const committed = stuck['case-timeline'];
    expect(committed).toBeLessThan(failAt);
    const { rows } = await db.ownerPool.query(
      `SELECT (SELECT count(*) FROM read_models.case_responses)::int AS rows,
      (SELECT count(*) FROM event_store.events WHERE type = 'ResponseSent' AND global_position <= $1)::int AS committed`,
      [committed],
    );
    expect(rows[0].rows).toBe(rows[0].committed);

    runner();
    await caughtUp();
    expect(await factCounts()).toEqual({
      responses: true,
      assignments: true,
      grants: true,
      completions: true,
    });
  });

  it('keeps the exactly-once effect when its connection is killed again and again while it catches up', async () => {
    await resetReadModels(db.ownerPool);
    await bulkInsertLog(db.ownerPool, generated(300, 12, '0a02'));
    const head = await db.store.headPosition();
    runner();
    let kills = 0;
    for (let seen = 0; kills < 4; kills++) {
      seen = await eventually(
        async () => {
          const p = Math.min(...Object.values(await checkpointPositions(db.pool)));
          return p > seen && p < head ? p : undefined;
        },
        20_000,
        'progress',
      );
      await killActiveConnection();
      // At every committed state, no row lies beyond its projection's checkpoint.
      expect(await rowsBeyondCheckpoint()).toBe(0);
    }
    await caughtUp();
    expect(kills).toBe(4);
    expect(await factCounts()).toEqual({
      responses: true,
      assignments: true,
      grants: true,
      completions: true,
    });
    const live = await dumpReadModels(db.ownerPool);
    await rebuildProjections({ store: db.store, pool: db.ownerPool });
    expect(await dumpReadModels(db.ownerPool)).toEqual(live);
  });

  it('resumes from its checkpoint after a stop, without starting over', async () => {
    const r = runner();
    await caughtUp();
    await r.stop();
    const before = await checkpointPositions(db.pool);
    await bulkInsertLog(db.ownerPool, generated(20, 13, '0a03'));
    const next = runner({ batchSize: 100_000 });
    await caughtUp();
    expect(next.batchesApplied).toBe(1);
    expect(Math.min(...Object.values(await checkpointPositions(db.pool)))).toBeGreaterThan(
      Math.max(...Object.values(before)),
    );
  });

  it('has one active runner; a standby takes over within seconds when the active one loses its connection', async () => {
    const a = runner();
    await eventually(async () => a.isActive(), 10_000, 'a active');
    const b = runner();
    await caughtUp();
    expect(b.isActive()).toBe(false);
    await killActiveConnection();
    const killedAt = Date.now();
    await eventually(async () => b.isActive(), 5_000, 'b taking over');
    expect(Date.now() - killedAt).toBeLessThan(3_000);
    await bulkInsertLog(db.ownerPool, generated(10, 14, '0a04'));
    await caughtUp();
    expect(a.isActive()).toBe(false); // back, standing by
    expect((await status.health(await db.store.headPosition())).runnerActive).toBe(true);
  });

  it('refuses a batch whose checkpoint moved meanwhile (compare-and-set), writing nothing', async () => {
    runner();
    await caughtUp();
    await Promise.all(runners.map((r) => r.stop()));
    const client = await db.pool.connect();
    try {
      const stale = new Map(names.map((n) => [n, 0]));
      const events = await readDomainFacts(db.store, { after: 0, maxCount: 50 });
      await expect(applyBatch(client, 'read_models', PROJECTIONS, stale, events)).rejects.toBeInstanceOf(
        CheckpointMoved,
      );
      expect(await readCheckpoints(client, 'read_models', names)).toEqual(
        new Map(names.map((n) => [n, expect.any(Number)])),
      );
      expect(Math.min(...(await readCheckpoints(client, 'read_models', names)).values())).toBe(
        await db.store.headPosition(),
      );
    } finally {
      client.release();
    }
  });
});
