import type { ClientBase } from 'pg';
import { qualified } from './table-sql.js';

export const CHECKPOINTS_TABLE = 'projection_checkpoints';

/** Someone else moved the checkpoint since we read it: our batch must not count twice. */
export class CheckpointMoved extends Error {
  readonly code = 'CHECKPOINT_MOVED' as const;
  constructor(
    readonly projection: string,
    readonly expected: number,
  ) {
    super(`Checkpoint of ${projection} is no longer at ${expected}`);
    this.name = 'CheckpointMoved';
  }
}

/** A projection starts at 0 the first time it is seen. */
export async function ensureCheckpoints(
  client: ClientBase,
  schema: string,
  names: readonly string[],
): Promise<void> {
  await client.query(
    `INSERT INTO ${qualified(schema, CHECKPOINTS_TABLE)} (projection, position, version, updated_at)
     SELECT unnest($1::text[]), 0, 1, now() ON CONFLICT (projection) DO NOTHING`,
    [names],
  );
}

export async function readCheckpoints(
  client: ClientBase,
  schema: string,
  names: readonly string[],
): Promise<Map<string, number>> {
  const { rows } = await client.query<{ projection: string; position: string }>(
    `SELECT projection, position FROM ${qualified(schema, CHECKPOINTS_TABLE)} WHERE projection = ANY($1::text[])`,
    [names],
  );
  const positions = new Map(rows.map((r) => [r.projection, Number(r.position)]));
  for (const name of names)
    if (!positions.has(name)) throw new Error(`No checkpoint row for projection ${name}`);
  return positions;
}

/**
 * Compare-and-set: moves the checkpoint from `expected` to `next` or throws CheckpointMoved. Run
 * first in the batch's transaction, so the row lock also orders us against a rebuild's swap.
 */
export async function advanceCheckpoint(
  client: ClientBase,
  schema: string,
  projection: string,
  expected: number,
  next: { position: number; recordedAt: string },
): Promise<void> {
  const result = await client.query(
    `UPDATE ${qualified(schema, CHECKPOINTS_TABLE)} SET position = $3, last_recorded_at = $4, updated_at = now()
     WHERE projection = $1 AND position = $2`,
    [projection, expected, next.position, next.recordedAt],
  );
  if (result.rowCount !== 1) throw new CheckpointMoved(projection, expected);
}
