import type { ClientBase, Pool } from 'pg';
import { pause } from './follower-logger.js';

/**
 * One active follower of the log (projector, rebuild, event feed, digest issuer) across every
 * process: a session-level advisory lock. It lives as long as the holder's session, so when that
 * process dies or its connection is cut PostgreSQL frees it, and a standby's next try takes over.
 */
export interface FollowerLock {
  /** Takes the lock for the client's session if no session holds it. */
  tryTake(client: ClientBase): Promise<boolean>;
  release(client: ClientBase): Promise<void>;
  /** Whether some session, in any process, holds it (for /health of processes that do not run it). */
  heldAnywhere(pool: Pool): Promise<boolean>;
  /**
   * Stands by until the client's session takes the lock, trying every `pollMs`; false when `signal`
   * aborts first. `waiting` is called once, at the first try another session won.
   */
  standBy(client: ClientBase, pollMs: number, signal: AbortSignal, waiting?: () => void): Promise<boolean>;
}

/**
 * A lock on two int4 keys, for locks an operator looks up by number: pg_locks shows them as
 * `classid`/`objid` with `objsubid = 2`.
 */
export function lockOnKeys(classId: number, objId: number): FollowerLock {
  return lockOn('$1::int4, $2::int4', [classId, objId], `classid = $1 AND objid = $2 AND objsubid = 2`);
}

/**
 * A lock on a bigint key hashed from a name (`hashtextextended(name, 0)`), for locks made per
 * topic or feature: pg_locks shows the key's high 32 bits in `classid`, its low ones in `objid`,
 * with `objsubid = 1`.
 */
export function lockOnName(name: string): FollowerLock {
  return lockOn(
    'hashtextextended($1::text, 0)',
    [name],
    `objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($1::text, 0)`,
  );
}

function lockOn(key: string, params: unknown[], inPgLocks: string): FollowerLock {
  const lock: FollowerLock = {
    async tryTake(client) {
      const { rows } = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(${key}) AS locked`,
        params,
      );
      return rows[0]!.locked;
    },
    async release(client) {
      await client.query(`SELECT pg_advisory_unlock(${key})`, params);
    },
    async heldAnywhere(pool) {
      const { rows } = await pool.query<{ held: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND ${inPgLocks}) AS held`,
        params,
      );
      return rows[0]!.held;
    },
    async standBy(client, pollMs, signal, waiting) {
      for (let first = true; !signal.aborted; first = false) {
        if (await lock.tryTake(client)) return true;
        if (first) waiting?.();
        await pause(pollMs, signal);
      }
      return false;
    },
  };
  return lock;
}
