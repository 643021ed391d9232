import 'reflect-metadata';
import { jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
import { DataSource } from 'typeorm';
import { readModelEntities } from '../read-models/entities.js';
import { department, PROJECTIONS } from '../read-models/projections.js';
import { ReportQueries } from '../reports/report-queries.js';
import { ProjectionRunner } from '../runner/projection-runner.js';
import { ProjectionStatus } from '../runner/projection-status.js';
import { LOCK_CLASS, REBUILD_LOCK } from '../runner/projector-lock.js';
import { RebuildAlreadyRunning, rebuildProjections } from './rebuild-projections.js';
import { applyBatchInTransaction } from '../runner/apply-batch.js';
import { readCheckpoints } from '../runner/checkpoints.js';
import { readDomainFacts } from '../runner/read-domain-facts.js';
import { READ_MODELS_SCHEMA } from '../read-models/schema.js';
import { tableNames } from './shadow-tables.js';

jest.setTimeout(60_000);

const root = fileURLToPath(new URL('../../../..', import.meta.url));
let db: ProjectionDatabase;
const revisions = new Map<string, number>();
const append = (cases: number, seed: number, idPrefix: string) =>
  bulkInsertLog(db.ownerPool, generateDepartmentLog({ cases, seed, idPrefix, revisions }));
const indexes = async () =>
  (
    await db.ownerPool.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'read_models' ORDER BY indexname`,
    )
  ).rows;
const checkpoints = async () =>
  (
    await db.ownerPool.query(
      `SELECT projection, version, rebuilt_at IS NOT NULL AS rebuilt FROM read_models.projection_checkpoints ORDER BY projection`,
    )
  ).rows;

/** `npm run cli -- projections rebuild …` from the sources, as its own process. */
function cli(args: string[]) {
  const child = spawn(
    process.execPath,
    [
      '--conditions=caseledger-source',
      '--import',
      './libs/projections/test/run-ts/register.mjs',
      'apps/cli/src/main.ts',
      'projections',
      ...args,
    ],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** The SQL TypeORM would run to make the database match the entities: none when they agree. */
async function schemaDrift(): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: db.url,
    entities: readModelEntities,
    synchronize: false,
    logging: false,
  });
  await dataSource.initialize();
  try {
    return (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
  } finally {
    await dataSource.destroy();
  }
}

beforeAll(async () => {
  db = await startProjectionDatabase();
  await append(250, 21, '0b01');
});

it('creates with its migrations exactly the tables the entities declare', async () => {
  expect(await schemaDrift()).toEqual([]);
});
afterAll(() => db?.stop());

// The tests below run in order on one log and one set of tables: each rebuilds what the one before
// left (the last one checks the tables after all these swaps).
describe('rebuilding the read models from position 0 (steps in order, on one log)', () => {
  it('replays into fresh tables while the live ones keep answering and following the log, then swaps them in', async () => {
    const runner = new ProjectionRunner({ store: db.store, pool: db.pool, idlePollMs: 20 }).start();
    const status = new ProjectionStatus(db.pool, db.store);
    const reports = new ReportQueries(db.pool);
    try {
      expect((await status.waitForPosition(await db.store.headPosition(), 20_000)).reached).toBe(true);
      const indexesBefore = await indexes();
      let during: Promise<number> | undefined;
      await rebuildProjections({
        store: db.store,
        pool: db.ownerPool,
        batchSize: 500,
        progress: {
          started: () => undefined,
          finished: () => undefined,
          advanced: () => {
            // The API reads the old tables meanwhile, and the log moves on under the rebuild.
            during ??= append(20, 22, '0b02').then(
              async () => (await reports.repWorkload('2026-06-01T00:00:00.000Z')).department.openCases,
            );
          },
        },
      });
      expect(await during).toBeGreaterThan(0);
      expect(await checkpoints()).toEqual(
        PROJECTIONS.map((p) => ({ projection: p.name, version: 2, rebuilt: true })).sort((a, b) =>
          a.projection.localeCompare(b.projection),
        ),
      );
      expect(await indexes()).toEqual(indexesBefore);
      // The runner goes on in the swapped-in tables (the application role kept its grants on them).
      await append(5, 23, '0b03');
      expect((await status.waitForPosition(await db.store.headPosition(), 20_000)).reached).toBe(true);
      const afterSwap = await dumpReadModels(db.ownerPool);
      await rebuildProjections({ store: db.store, pool: db.ownerPool });
      expect(await dumpReadModels(db.ownerPool)).toEqual(afterSwap);
    } finally {
      await runner.stop();
    }
  });

  it('rebuilds one projection by name, leaving the others as they were', async () => {
    // Relative to the versions before, whatever earlier tests rebuilt: this test owns its expectation.
    const before = new Map((await checkpoints()).map((c) => [c.projection, c.version]));
    await rebuildProjections({ store: db.store, pool: db.ownerPool, projections: [department] });
    expect((await checkpoints()).map((c) => [c.projection, c.version])).toEqual([
      ['case-timeline', before.get('case-timeline')],
      ['department', before.get('department')! + 1],
      ['sales-and-goodwill', before.get('sales-and-goodwill')],
    ]);
  });

  it('a live batch waiting for a checkpoint the swap holds holds no table the swap must drop (no deadlock)', async () => {
    await append(10, 25, '0b05'); // no runner here: every projection is behind these events
    const names = PROJECTIONS.map((p) => p.name);
    const swap = await db.ownerPool.connect();
    const live = await db.pool.connect();
    try {
      const positions = await readCheckpoints(swap, READ_MODELS_SCHEMA, names);
      const events = await readDomainFacts(db.store, {
        after: Math.min(...positions.values()),
        maxCount: 5000,
      });
      // The swap's first step: the checkpoint rows, in the runner's order; here only the last one.
      await swap.query('BEGIN');
      await swap.query(`SELECT 1 FROM read_models.projection_checkpoints WHERE projection = $1 FOR UPDATE`, [
        names.at(-1),
      ]);
      await live.query('BEGIN');
      const batch = applyBatchInTransaction(live, READ_MODELS_SCHEMA, PROJECTIONS, positions, events).catch(
        (error: unknown) => error,
      );
      const livePid = (live as unknown as { processID: number }).processID;
      await eventually(
        async () =>
          (await db.ownerPool.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [livePid]))
            .rows[0]?.wait_event_type === 'Lock',
        10_000,
        'the live batch to wait for the last checkpoint',
      );
      // The swap's next step drops the live tables: it must get every one of them without waiting.
      for (const table of PROJECTIONS.flatMap(tableNames)) {
        await swap.query(`LOCK TABLE read_models.${table} IN ACCESS EXCLUSIVE MODE NOWAIT`);
      }
      await swap.query('ROLLBACK');
      expect(await batch).toBeInstanceOf(Map); // and the batch goes on once the swap is done
    } finally {
      await swap.query('ROLLBACK').catch(() => undefined);
      await live.query('ROLLBACK').catch(() => undefined);
      swap.release();
      live.release();
    }
  });

  it('swaps in a shadow table another session holds (as autovacuum does) without a deadlock', async () => {
    // Autovacuum vacuums a shadow table the replay just filled and, at its end, updates the table's
    // pg_class row in place, waiting for any transaction that changed that row, still holding its
    // lock on the table. A swap that granted on the table (changing the row) before asking for the
    // lock waited for autovacuum while autovacuum waited for it: "deadlock detected" (seen in the
    // projections benchmark). Here a session plays autovacuum's part on a table with no index to
    // build after the replay, and changes the row once the swap waits for it.
    const holder = await db.ownerPool.connect();
    let held: Promise<unknown> | undefined;
    try {
      const rebuilt = rebuildProjections({
        store: db.store,
        pool: db.ownerPool,
        projections: [department],
        batchSize: 50,
        progress: {
          started: () => undefined,
          finished: () => undefined,
          advanced: () => {
            held ??= holder
              .query('BEGIN')
              .then(() =>
                holder.query(
                  'LOCK TABLE read_models_rebuild.service_standards IN SHARE UPDATE EXCLUSIVE MODE',
                ),
              );
          },
        },
      }).catch((error: unknown) => error);
      await eventually(
        async () =>
          (
            await db.ownerPool.query(
              `SELECT 1 FROM pg_locks WHERE NOT granted AND relation = to_regclass('read_models_rebuild.service_standards')`,
            )
          ).rowCount === 1,
        20_000,
        'the swap to wait for the shadow table',
      );
      await holder.query('GRANT SELECT ON read_models_rebuild.service_standards TO caseledger_app');
      await holder.query('COMMIT');
      expect(await rebuilt).toMatchObject({ projections: ['department'] });
    } finally {
      await held?.catch(() => undefined);
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
    }
  });

  it('refuses to run beside another rebuild', async () => {
    const other = await db.ownerPool.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1, $2)', [LOCK_CLASS, REBUILD_LOCK]);
      await expect(rebuildProjections({ store: db.store, pool: db.ownerPool })).rejects.toBeInstanceOf(
        RebuildAlreadyRunning,
      );
    } finally {
      other.release(true);
    }
  });

  it('killed with SIGKILL in the middle of a rebuild (the CLI) and run again, ends with the tables of a clean rebuild', async () => {
    await append(400, 24, '0b04');
    await resetReadModels(db.ownerPool);
    const killed = cli(['rebuild', '--batch-size', '100']);
    await eventually(
      async () => /rebuild: position [1-9]/.test(killed.output()),
      30_000,
      'the rebuild under way',
    );
    killed.child.kill('SIGKILL');
    expect(await killed.exited).toBeNull();
    const shadow = (
      await db.ownerPool.query(
        `SELECT min(position)::int AS position FROM read_models_rebuild.projection_checkpoints`,
      )
    ).rows[0].position;
    expect(shadow).toBeGreaterThan(0);
    expect(shadow).toBeLessThan(await db.store.headPosition());
    expect(Object.values(await checkpointPositions(db.ownerPool))).toEqual([0, 0, 0]); // nothing swapped in

    const rerun = cli(['rebuild']);
    expect(await rerun.exited).toBe(0);
    expect(rerun.output()).toMatch(/resuming case-timeline, department, sales-and-goodwill from [1-9]/);
    expect(rerun.output()).toMatch(/rebuild done: .* swapped in at position \d+/);
    const resumed = await dumpReadModels(db.ownerPool);
    await rebuildProjections({ store: db.store, pool: db.ownerPool });
    expect(await dumpReadModels(db.ownerPool)).toEqual(resumed);
    expect(Object.values(await checkpointPositions(db.ownerPool))).toEqual(
      Array(3).fill(await db.store.headPosition()),
    );
  });

  it('leaves, after all these swaps, the tables the entities declare', async () => {
    expect(await schemaDrift()).toEqual([]);
  });
});
