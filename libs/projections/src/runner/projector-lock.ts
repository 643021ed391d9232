import type { ClientBase, Pool } from 'pg';

/**
 * Session-level advisory locks (two int4 keys, so pg_locks shows them as classid/objid). The lock
 * lives as long as the session: when the holder's process dies or its connection is killed,
 * PostgreSQL frees it and a standby's next try takes over.
 */
export const LOCK_CLASS = 20261105;
export const PROJECTOR_LOCK = 1;
export const REBUILD_LOCK = 2;

export async function tryLock(client: ClientBase, lock: number): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [
    LOCK_CLASS,
    lock,
  ]);
  return rows[0].locked;
}

export async function unlock(client: ClientBase, lock: number): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_CLASS, lock]);
}

/** Whether some session, in any process, holds the lock (for /health of processes that do not run it). */
export async function lockHeld(pool: Pool, lock: number): Promise<boolean> {
  const { rows } = await pool.query<{ held: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND objsubid = 2 AND granted) AS held`,
    [LOCK_CLASS, lock],
  );
  return rows[0].held;
}
