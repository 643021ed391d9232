import pg from 'pg';
import { migrateEventStore, PostgresEventStore, withApplicationRole, openPool } from '#event-store';
import { createDatabase } from '#embedded-postgres';
import { startTestPostgres } from '../../../test/support/embedded-postgres.js';
import { migrateReadModels } from '../src/migrations/migrate-read-models.js';
import { PROJECTIONS } from '../src/read-models/projections.js';
import { describeTable } from '../src/read-models/read-model-table.js';

export interface ProjectionDatabase {
  url: string;
  /** The log, as the application reaches it (application role). */
  store: PostgresEventStore;
  /** Application role: what the runner and the API use. */
  pool: pg.Pool;
  /** The login user (owner): rebuilds and test inspection. */
  ownerPool: pg.Pool;
  stop(): Promise<void>;
}

/** A fresh embedded PostgreSQL with the log and the read models migrated, for one test file. */
export async function startProjectionDatabase(): Promise<ProjectionDatabase> {
  const server = await startTestPostgres();
  const url = await createDatabase(server.url, 'caseledger');
  await migrateEventStore(url);
  await migrateReadModels(url);
  const store = new PostgresEventStore({
    connection: { connectionString: url },
    poolSize: 4,
    onBackgroundError: () => undefined,
  });
  const pool = openPool({ ...withApplicationRole({ connectionString: url }), max: 6 }, () => undefined);
  const ownerPool = openPool({ connectionString: url, max: 4 }, () => undefined);
  return {
    url,
    store,
    pool,
    ownerPool,
    stop: async () => {
      await store.close();
      await pool.end();
      await ownerPool.end();
      await server.stop();
    },
  };
}

/** Every read-model row (checkpoints aside) in key order: two equal dumps are equal read models. */
export async function dumpReadModels(pool: pg.Pool): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of PROJECTIONS.flatMap((p) => p.tables)) {
    const d = describeTable(table.entity);
    const { rows } = await pool.query(
      `SELECT * FROM read_models.${d.table} ORDER BY ${d.primaryKey.map((c) => c.column).join(', ')}`,
    );
    dump[d.table] = rows;
  }
  return dump;
}

/** Empties every read model and puts the checkpoints back to 0 (as the owner). */
export async function resetReadModels(ownerPool: pg.Pool): Promise<void> {
  const tables = PROJECTIONS.flatMap((p) =>
    p.tables.map((t) => `read_models.${describeTable(t.entity).table}`),
  );
  await ownerPool.query(`TRUNCATE ${tables.join(', ')}`);
  await ownerPool.query('UPDATE read_models.projection_checkpoints SET position = 0');
}

export async function checkpointPositions(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ projection: string; position: string }>(
    'SELECT projection, position FROM read_models.projection_checkpoints ORDER BY projection',
  );
  return Object.fromEntries(rows.map((r) => [r.projection, Number(r.position)]));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}
