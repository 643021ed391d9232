import { randomUUID } from 'node:crypto';
import { DepartmentWorkload, LiveWorkload } from '#application';
import type { EventFacts, EventStore } from '#event-store';
import type { QueryRunner } from 'typeorm';
import { ProjectionRunner, ProjectionStatus, readWorkloadSeed } from '#projections';
import { CreateCaseLoads1765130000000 } from '../../libs/projections/src/migrations/1765130000000-create-case-loads.js';
import { startProjectionDatabase, type ProjectionDatabase } from '../../libs/projections/test/projection-database.js';
import { departmentMonth } from './department-month.scenario.js';
import { appendScenario } from './scenario-as-events.js';

// Auto-assignment after a restart starts from the read models' snapshot of the workload and folds
// the log only from its position (issue 21, part 5). Whatever it starts from, the loads it compares
// must be those of a fold of the whole log (SPEC §3): checked on the department's month, with the
// read models at the head of the log and behind it.

describe('the workload seeded from the read models', () => {
  let db: ProjectionDatabase;
  let projected: number;

  /** The log as LiveWorkload reads it, counting the events it had to fold from the log itself. */
  const counting = (store: EventStore) => {
    const counted = { events: 0 };
    const port = {
      headPosition: () => store.headPosition(),
      readStream: (streamId: string) => store.readStream(streamId),
      readAllFacts: async (options: Parameters<EventStore['readAllFacts']>[0]) => {
        const batch = await store.readAllFacts(options);
        counted.events += batch.length;
        return batch;
      },
    } as unknown as EventStore;
    return { port, counted };
  };

  const wholeLogFold = async () => {
    const workload = new DepartmentWorkload();
    let after = 0;
    for (;;) {
      const batch: EventFacts[] = await db.store.readAllFacts({ after, maxCount: 5000 });
      if (batch.length === 0) break;
      for (const event of batch) workload.apply(event);
      after = batch.at(-1)!.globalPosition;
    }
    return workload.entries().sort((a, b) => a.staffId.localeCompare(b.staffId));
  };

  const seededFold = async () => {
    const { port, counted } = counting(db.store);
    const live = new LiveWorkload(port, () => readWorkloadSeed(db.pool));
    const entries = (await live.current()).sort((a, b) => a.staffId.localeCompare(b.staffId));
    return { entries, foldedFromLog: counted.events };
  };

  beforeAll(async () => {
    db = await startProjectionDatabase();
    projected = await appendScenario(db.store, departmentMonth());
    const runner = new ProjectionRunner({ store: db.store, pool: db.pool, batchSize: 100, idlePollMs: 20 }).start();
    expect((await new ProjectionStatus(db.pool, db.store).waitForPosition(projected, 30_000)).reached).toBe(true);
    await runner.stop();
  }, 60_000);

  afterAll(async () => {
    await db?.stop();
  });

  /** Cases whose latest status change in log order is not a resolution, counted from the fact tables. */
  const openCasesByFacts = async () => {
    const { rows } = await db.pool.query<{ open: string; all: string }>(
      `WITH status AS (SELECT DISTINCT ON (case_id) case_id, status FROM read_models.case_status_changes ORDER BY case_id, global_position DESC)
       SELECT count(*) FILTER (WHERE status IS DISTINCT FROM 'resolved') AS open, count(*) AS all
         FROM read_models.cases LEFT JOIN status USING (case_id)`,
    );
    return { open: Number(rows[0].open), all: Number(rows[0].all) };
  };

  it('with the read models at the head: the loads of the whole log, and not one event folded from it', async () => {
    const whole = await wholeLogFold();
    expect(whole.some((e) => e.weightedLoad > 0 && e.openCases > 0)).toBe(true); // a month with loads to compare
    const seeded = await seededFold();
    expect(seeded.entries).toEqual(whole);
    expect(seeded.foldedFromLog).toBe(0);
  });

  it('reads the open cases only: a closed case adds nothing to any load, so the seed leaves it out', async () => {
    const cases = await openCasesByFacts();
    expect(cases.open).toBeGreaterThan(0);
    expect(cases.open).toBeLessThan(cases.all); // the month has resolved cases to leave out
    const seed = await readWorkloadSeed(db.pool);
    expect(seed.facts.filter((f) => f.type === 'ComplaintReceived')).toHaveLength(cases.open);
  });

  it('the migration fills case_loads from the case timeline as the projection keeps it', async () => {
    const dump = async () => (await db.ownerPool.query(`SELECT * FROM read_models.case_loads ORDER BY case_id`)).rows;
    const projected = await dump();
    expect(projected.length).toBe((await openCasesByFacts()).all);
    const migration = new CreateCaseLoads1765130000000();
    const runner = { query: (sql: string) => db.ownerPool.query(sql) } as unknown as QueryRunner;
    await migration.down(runner);
    await migration.up(runner);
    expect(await dump()).toEqual(projected);
  });

  it('with the read models behind: the snapshot, then the log from its position, gives the loads of the whole log', async () => {
    const seed = await readWorkloadSeed(db.pool);
    expect(seed.position).toBe(projected);
    const busiest = (await wholeLogFold()).reduce((a, b) => (b.openCases > a.openCases ? b : a));
    const { rows } = await db.pool.query<{ case_id: string }>(
      `WITH assignee AS (SELECT DISTINCT ON (case_id) case_id, assignee_id FROM read_models.case_assignments ORDER BY case_id, global_position DESC),
            status AS (SELECT DISTINCT ON (case_id) case_id, status FROM read_models.case_status_changes ORDER BY case_id, global_position DESC)
       SELECT case_id FROM assignee LEFT JOIN status USING (case_id)
        WHERE assignee_id = $1 AND status IS DISTINCT FROM 'resolved' ORDER BY case_id LIMIT 3`,
      [busiest.staffId],
    );
    expect(rows).toHaveLength(3);
    const [moved, resolved, resorted] = rows.map((r) => r.case_id);
    // A case resolved before the read models' position, with an assignee: left out of the seed.
    const { rows: closed } = await db.pool.query<{ case_id: string; assignee_id: string }>(
      `SELECT case_id, assignee_id FROM read_models.case_loads WHERE NOT open AND assignee_id IS NOT NULL AND complexity > 0
        ORDER BY case_id LIMIT 1`,
    );
    expect(closed).toHaveLength(1);
    const reopened = closed[0].case_id;
    // Not projected: the runner is stopped. A new correspondent takes a case; one case is resolved,
    // another sorted again, a closed one reopened; the busiest correspondent's skill changes.
    const later = [
      ['staff-C-90', 'StaffMemberRegistered', { staffId: 'C-90', name: 'Noor Khan', roles: ['correspondent'], skillLevel: 4 }],
      [`case-${moved}`, 'CaseAssigned', { caseId: moved, assigneeId: 'C-90', previousAssigneeId: busiest.staffId, reason: 'manual' }],
      [`case-${resolved}`, 'CaseResolved', { caseId: resolved, resolution: 'Replaced' }],
      [`case-${resorted}`, 'CaseSorted', { caseId: resorted, category: 'product', priority: 'high', complexity: 5 }],
      [`staff-${busiest.staffId}`, 'StaffMemberChanged', { staffId: busiest.staffId, skillLevel: 1 }],
      [`case-${reopened}`, 'CaseReopened', { caseId: reopened, reason: 'Wrote again' }],
    ] as const;
    for (const [streamId, type, data] of later)
      await db.store.appendToStream(
        streamId,
        [
          {
            eventId: randomUUID(),
            type,
            occurredAt: '2026-09-30T09:00:00.000Z',
            data,
            metadata: { actorId: 'S-1', actorRoles: ['supervisor'], correlationId: randomUUID(), causationId: randomUUID(), standardsVersion: 1, schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'any' },
      );
    const whole = await wholeLogFold();
    expect(whole.find((e) => e.staffId === 'C-90')).toMatchObject({ openCases: 1 });
    const seeded = await seededFold();
    expect(seeded.entries).toEqual(whole);
    expect(seeded.foldedFromLog).toBe(later.length);
  });
});
