import type { ClientBase, Pool } from 'pg';

/** Created by `messagingMigrations`; one row per destination topic. */
export const PUBLISHER_CHECKPOINT_TABLE = 'messaging.publisher_checkpoint';

/** The global position of the last event the broker acknowledged on `topic`; 0 before the first. */
export async function readCheckpoint(db: ClientBase | Pool, topic: string): Promise<number> {
  const { rows } = await db.query<{ position: string }>(
    `SELECT position FROM ${PUBLISHER_CHECKPOINT_TABLE} WHERE topic = $1`,
    [topic],
  );
  return Number(rows[0]?.position ?? 0);
}

/**
 * Moves the checkpoint forward, never back: a publisher that lost the lock without noticing yet may
 * still write an older position after the new holder wrote a newer one.
 */
export async function advanceCheckpoint(db: ClientBase, topic: string, position: number): Promise<void> {
  await db.query(
    `INSERT INTO ${PUBLISHER_CHECKPOINT_TABLE} AS c (topic, position, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (topic) DO UPDATE SET position = GREATEST(c.position, EXCLUDED.position), updated_at = now()`,
    [topic, position],
  );
}
