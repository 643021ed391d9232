import type { ClientBase } from 'pg';
import type { Projection } from '../read-models/projections.js';
import { describeTable } from '../read-models/read-model-table.js';
import { READ_MODELS_SCHEMA, REBUILD_SCHEMA } from '../read-models/schema.js';
import { CHECKPOINTS_TABLE } from '../runner/checkpoints.js';
import { qualified } from '../runner/table-sql.js';

export const tableNames = (projection: Projection) =>
  projection.tables.map((t) => describeTable(t.entity).table);

/** Which of these projections already have a shadow in progress (a rebuild killed midway resumes it). */
export async function shadowsInProgress(
  client: ClientBase,
  projections: readonly Projection[],
): Promise<Set<string>> {
  const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
    `${REBUILD_SCHEMA}.${CHECKPOINTS_TABLE}`,
  ]);
  if (!rows[0].exists) return new Set();
  const found = await client.query<{ projection: string }>(
    `SELECT projection FROM ${qualified(REBUILD_SCHEMA, CHECKPOINTS_TABLE)} WHERE projection = ANY($1::text[])`,
    [projections.map((p) => p.name)],
  );
  return new Set(found.rows.map((r) => r.projection));
}

/** The live table's primary key (and unique constraints), added to the copy under the same names. */
async function copyKeys(client: ClientBase, table: string): Promise<void> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u')`,
    [`${READ_MODELS_SCHEMA}.${table}`],
  );
  for (const k of rows)
    await client.query(
      `ALTER TABLE ${qualified(REBUILD_SCHEMA, table)} ADD CONSTRAINT "${k.name}" ${k.definition}`,
    );
}

/**
 * Fresh, empty copies of the projection's tables (columns and keys as the migrations left them, the
 * other indexes come after the replay) and a shadow checkpoint at 0, in one transaction: all or none.
 */
export async function createShadow(client: ClientBase, projection: Projection): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${REBUILD_SCHEMA}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${qualified(REBUILD_SCHEMA, CHECKPOINTS_TABLE)} (LIKE ${qualified(READ_MODELS_SCHEMA, CHECKPOINTS_TABLE)} INCLUDING ALL)`,
    );
    for (const table of tableNames(projection)) {
      await client.query(`DROP TABLE IF EXISTS ${qualified(REBUILD_SCHEMA, table)}`);
      await client.query(
        `CREATE TABLE ${qualified(REBUILD_SCHEMA, table)} (LIKE ${qualified(READ_MODELS_SCHEMA, table)} INCLUDING ALL EXCLUDING INDEXES)`,
      );
      await copyKeys(client, table);
    }
    await client.query(
      `INSERT INTO ${qualified(REBUILD_SCHEMA, CHECKPOINTS_TABLE)} (projection, position, version, updated_at) VALUES ($1, 0, 1, now())
       ON CONFLICT (projection) DO UPDATE SET position = 0, last_recorded_at = NULL, updated_at = now()`,
      [projection.name],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * The live tables' other indexes, built on the filled copies under the same names: one bulk build
 * is much faster than keeping them up to date row by row during the replay. Idempotent, so a
 * rebuild killed while building them builds the missing ones on its next run.
 */
export async function buildShadowIndexes(client: ClientBase, projection: Projection): Promise<void> {
  for (const table of tableNames(projection)) {
    const { rows } = await client.query<{ definition: string }>(
      `SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
       WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      [`${READ_MODELS_SCHEMA}.${table}`],
    );
    for (const { definition } of rows) {
      const onShadow = definition.replace(
        /^CREATE (UNIQUE )?INDEX (\S+) ON (ONLY )?read_models\./,
        `CREATE $1INDEX IF NOT EXISTS $2 ON $3${REBUILD_SCHEMA}.`,
      );
      if (onShadow === definition) throw new Error(`Cannot copy index definition: ${definition}`);
      await client.query(onShadow);
    }
  }
}

/**
 * Whoever was granted rights on the live table (the application role, an analysts' role) keeps them
 * on its replacement: CREATE TABLE … LIKE copies structure, not privileges.
 */
async function copyGrants(client: ClientBase, table: string): Promise<void> {
  const { rows } = await client.query<{ grantee: string; privilege: string }>(
    `SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END AS grantee, a.privilege_type AS privilege
     FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee
     WHERE c.oid = $1::regclass AND a.grantee <> c.relowner`,
    [`${READ_MODELS_SCHEMA}.${table}`],
  );
  for (const g of rows)
    await client.query(`GRANT ${g.privilege} ON ${qualified(REBUILD_SCHEMA, table)} TO ${g.grantee}`);
}

/**
 * Inside the caller's transaction: the shadow tables replace the live ones and the live checkpoint
 * takes the shadow's position, one version up. Readers see the old tables or the new, never a mix.
 */
export async function swapInShadow(client: ClientBase, projection: Projection): Promise<void> {
  for (const table of tableNames(projection)) {
    // The copy's lock first, before anything changes its catalog row. Autovacuum, vacuuming a copy
    // the replay just filled, ends by updating that row in place and waits for any transaction that
    // changed it (a GRANT), still holding its lock on the table: granting first, then asking for the
    // lock, deadlocked the swap with it. Asked for first, the lock makes PostgreSQL cancel a blocking
    // autovacuum, as it does for any lock request autovacuum holds up.
    await client.query(`LOCK TABLE ${qualified(REBUILD_SCHEMA, table)} IN ACCESS EXCLUSIVE MODE`);
    await copyGrants(client, table);
    // A view an analyst built on the old table makes this fail (and the swap roll back) rather than
    // leave the view reading a table that no longer moves.
    await client.query(`DROP TABLE ${qualified(READ_MODELS_SCHEMA, table)}`);
    await client.query(`ALTER TABLE ${qualified(REBUILD_SCHEMA, table)} SET SCHEMA ${READ_MODELS_SCHEMA}`);
  }
  await client.query(
    `UPDATE ${qualified(READ_MODELS_SCHEMA, CHECKPOINTS_TABLE)} live
     SET position = shadow.position, last_recorded_at = shadow.last_recorded_at, version = live.version + 1, rebuilt_at = now(), updated_at = now()
     FROM ${qualified(REBUILD_SCHEMA, CHECKPOINTS_TABLE)} shadow
     WHERE live.projection = $1 AND shadow.projection = $1`,
    [projection.name],
  );
  await client.query(`DELETE FROM ${qualified(REBUILD_SCHEMA, CHECKPOINTS_TABLE)} WHERE projection = $1`, [
    projection.name,
  ]);
}
