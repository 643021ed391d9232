import type { Pool, PoolClient } from 'pg';
import { guardCheckedOut } from '#event-store';
import { PROJECTIONS } from '../read-models/projections.js';
import { describeTable } from '../read-models/read-model-table.js';
import { READ_MODELS_SCHEMA } from '../read-models/schema.js';
import { CHECKPOINTS_TABLE } from '../runner/checkpoints.js';
import { qualified } from '../runner/table-sql.js';

const everyTable = [
  CHECKPOINTS_TABLE,
  ...PROJECTIONS.flatMap((p) => p.tables.map((t) => describeTable(t.entity).table)),
]
  .map((t) => qualified(READ_MODELS_SCHEMA, t))
  .join(', ');

/**
 * Runs a report's queries on one snapshot, so its rows and its `position` agree. The tables are
 * locked (shared) before the snapshot is taken: a rebuild swapping tables in either finishes first
 * or waits, and the report never sees half of a swap.
 */
export async function inReadModelSnapshot<T>(
  pool: Pool,
  work: (client: PoolClient, position: number) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  const loan = guardCheckedOut(client); // a connection lost mid-report fails the report, not the process
  let failure: unknown;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`LOCK TABLE ${everyTable} IN ACCESS SHARE MODE`);
    const { rows } = await client.query<{ position: string | null }>(
      `SELECT min(position) AS position FROM ${qualified(READ_MODELS_SCHEMA, CHECKPOINTS_TABLE)} WHERE projection = ANY($1::text[])`,
      [PROJECTIONS.map((p) => p.name)],
    );
    const result = await work(client, Number(rows[0].position ?? 0));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failure = error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    loan.release(failure);
  }
}

/** pg hands timestamptz back as Date. */
export const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();
