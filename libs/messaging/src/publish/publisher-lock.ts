import type { ClientBase, Pool } from 'pg';

/**
 * One active publisher per destination topic: a session-level advisory lock keyed by a hash of the
 * topic. It lives as long as the holder's connection, so when that process dies (or its connection
 * is cut) PostgreSQL frees it and a standby's next try takes over.
 */
const LOCK_KEY_SQL = `hashtextextended('caseledger.publisher:' || $1::text, 0)`;

export async function tryPublisherLock(client: ClientBase, topic: string): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(
    `SELECT pg_try_advisory_lock(${LOCK_KEY_SQL}) AS locked`,
    [topic],
  );
  return rows[0]!.locked;
}

/** Whether any session, in any process, publishes to `topic` right now (for /health). */
export async function publisherLockHeld(pool: Pool, topic: string): Promise<boolean> {
  // A bigint key shows in pg_locks split in two: high 32 bits in classid, low 32 bits in objid.
  const { rows } = await pool.query<{ held: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM pg_locks
       WHERE locktype = 'advisory' AND objsubid = 1 AND granted
         AND ((classid::bigint << 32) | objid::bigint) = ${LOCK_KEY_SQL}
     ) AS held`,
    [topic],
  );
  return rows[0]!.held;
}
