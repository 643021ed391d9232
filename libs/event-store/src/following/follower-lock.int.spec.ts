import pg from 'pg';
import { startTestPostgres } from '../../../../test/support/embedded-postgres.js';
import { openPool } from '../faults/open-pool.js';
import { lockOnKeys, lockOnName, type FollowerLock } from './follower-lock.js';
import { whileHoldingLock, type HeldConnection } from './while-holding-lock.js';

// The one lock every follower of the log takes (projector, rebuild, feeds, digest issuer): one
// session at a time holds it, any process can see that it is held, and it dies with its session.
describe('a follower lock', () => {
  let postgres: Awaited<ReturnType<typeof startTestPostgres>>;
  let pool: pg.Pool;
  beforeAll(async () => {
    postgres = await startTestPostgres();
    pool = openPool({ connectionString: postgres.url, max: 4 }, () => undefined);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await postgres?.stop();
  });

  const session = async () => {
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    return client;
  };

  const freedWithin = async (lock: FollowerLock, ms: number) => {
    for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 20)))
      if (!(await lock.heldAnywhere(pool))) return true;
    return false;
  };

  it.each([
    ['on two keys', lockOnKeys(20261105, 7), lockOnKeys(20261105, 8)],
    ['on a name', lockOnName('caseledger.spec:a'), lockOnName('caseledger.spec:b')],
  ] as Array<[string, FollowerLock, FollowerLock]>)(
    '%s: one session holds it, others see it, it ends with the session',
    async (_, lock, other) => {
      const first = await session();
      const second = await session();
      try {
        expect(await lock.heldAnywhere(pool)).toBe(false);
        expect(await lock.tryTake(first)).toBe(true);
        expect(await lock.tryTake(second)).toBe(false);
        expect(await lock.heldAnywhere(pool)).toBe(true);
        expect(await other.heldAnywhere(pool)).toBe(false); // another key is another lock
        expect(await other.tryTake(second)).toBe(true);
        await lock.release(first);
        expect(await lock.heldAnywhere(pool)).toBe(false);
        expect(await lock.tryTake(second)).toBe(true);
        await second.end(); // the holder's session ends: PostgreSQL frees its locks as the backend exits
        expect(await freedWithin(lock, 2_000)).toBe(true);
        expect(await freedWithin(other, 2_000)).toBe(true);
        expect(await lock.tryTake(first)).toBe(true);
      } finally {
        await first.end();
        await second.end().catch(() => undefined);
      }
    },
  );

  it('stands by until the holder lets go, says so once, and gives up when stopped', async () => {
    const lock = lockOnName('caseledger.spec:standby');
    const holder = await session();
    const standby = await session();
    try {
      expect(await lock.tryTake(holder)).toBe(true);
      let waiting = 0;
      const taken = lock.standBy(standby, 20, new AbortController().signal, () => waiting++);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await lock.release(holder);
      expect(await taken).toBe(true);
      expect(waiting).toBe(1);
      const stop = new AbortController();
      const stopped = lock.standBy(holder, 20, stop.signal);
      stop.abort();
      expect(await stopped).toBe(false);
    } finally {
      await holder.end();
      await standby.end();
    }
  });

  describe('the loop every follower runs while it holds its lock', () => {
    const backend = async ({ client }: HeldConnection) =>
      (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;

    /** A follower whose first round fails, whose second works until stopped; what it went through. */
    function follower(lock: FollowerLock, keepConnection: boolean) {
      const stop = new AbortController();
      // A pool of its own, of one connection: what a stop leaves in it can be counted.
      const own = openPool({ connectionString: postgres.url, max: 1 }, () => undefined);
      const seen = { pids: [] as number[], failures: [] as string[], holding: [] as boolean[], waited: 0 };
      const loop = whileHoldingLock({
        pool: own,
        lock,
        signal: stop.signal,
        standbyPollMs: 20,
        retryMs: 20,
        keepConnection,
        waiting: () => seen.waited++,
        holding: (holding) => seen.holding.push(holding),
        failed: (error) => seen.failures.push((error as Error).message),
        work: async (connection) => {
          seen.pids.push(await backend(connection));
          if (seen.pids.length === 1) throw new Error('the broker is away');
          while (!stop.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 10));
        },
      });
      /** Stops it; answers how many connections its pool still holds. */
      const stopped = async () => {
        stop.abort();
        await loop;
        const kept = own.totalCount;
        await own.end();
        return kept;
      };
      return { stop: stopped, seen };
    }

    const secondRound = async (seen: { pids: number[] }) => {
      while (seen.pids.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    };

    it('starts over on a new session after a failed round; stopped, gives the lock back, keeping the session if asked', async () => {
      for (const keepConnection of [false, true]) {
        const lock = lockOnName(`caseledger.spec:loop-${keepConnection}`);
        const { stop, seen } = follower(lock, keepConnection);
        await secondRound(seen);
        expect(seen.failures).toEqual(['the broker is away']);
        expect(await lock.heldAnywhere(pool)).toBe(true);
        // A failed round's session is ended, whatever happened to it, and the lock with it.
        expect(seen.pids[1]).not.toBe(seen.pids[0]);
        expect(await stop()).toBe(keepConnection ? 1 : 0);
        // Given back at once; or freed as the ended session's backend exits.
        expect(await freedWithin(lock, 2_000)).toBe(true);
        expect(seen.holding).toEqual([true, false, true, false]);
      }
    });

    it('stands by while another holds the lock, then takes over when that one stops', async () => {
      const lock = lockOnName('caseledger.spec:loop-standby');
      const first = follower(lock, true);
      await secondRound(first.seen);
      const second = follower(lock, true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(second.seen.waited).toBe(1);
      expect(second.seen.pids).toEqual([]);
      await first.stop();
      await secondRound(second.seen);
      expect(second.seen.holding.at(-1)).toBe(true);
      await second.stop();
      expect(await lock.heldAnywhere(pool)).toBe(false);
    });
  });

  it('keeps the keys operators and earlier releases look for', async () => {
    const client = await session();
    try {
      await lockOnKeys(20261105, 1).tryTake(client);
      await lockOnName('caseledger.digest-issuer').tryTake(client);
      const { rows } = await pool.query(
        `SELECT classid::bigint::text AS classid, objid::bigint::text AS objid, objsubid FROM pg_locks
          WHERE locktype = 'advisory' AND granted ORDER BY objsubid DESC`,
      );
      const { rows: hashed } = await pool.query<{ key: string }>(
        `SELECT hashtextextended('caseledger.digest-issuer', 0)::text AS key`,
      );
      expect(rows[0]).toEqual({ classid: '20261105', objid: '1', objsubid: 2 });
      const key = (BigInt(rows[1].classid) << 32n) | BigInt(rows[1].objid);
      expect(BigInt.asIntN(64, key)).toBe(BigInt(hashed[0].key));
      expect(rows[1].objsubid).toBe(1);
    } finally {
      await client.end();
    }
  });
});
