// The projector's leader lock is a session-level advisory lock: when its session is terminated,
// the lock goes with it. Two runners share the work; the holder's session is killed three times
// while the log grows. Each time one of them takes the lock again within seconds, never both at
// once, and the read models end at the head of the log, resumed from committed checkpoints.
import { LOCK_CLASS, PROJECTOR_LOCK, ProjectionRunner } from '#projections';
import {
  checkpointPositions,
  startProjectionDatabase,
  type ProjectionDatabase,
} from '../../libs/projections/test/projection-database.js';
import { orderHistories, recordDirectly } from '../messaging/support/order-log.js';
import { until } from './support/complaint-load.js';

describe('the projector lock lost with its session', () => {
  let db: ProjectionDatabase;
  let runners: ProjectionRunner[] = [];

  beforeAll(async () => {
    db = await startProjectionDatabase();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await db?.stop();
  }, 60_000);

  /** The pid of the session holding the projector lock, if one does. */
  async function lockHolder(): Promise<number | undefined> {
    const { rows } = await db.ownerPool.query<{ pid: number }>(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND objsubid = 2 AND granted`,
      [LOCK_CLASS, PROJECTOR_LOCK],
    );
    return rows[0]?.pid;
  }

  it('is taken again by one runner, never two, and the read models reach the head', async () => {
    const options = {
      store: db.store,
      pool: db.pool,
      standbyPollMs: 50,
      retryMs: 100,
      idlePollMs: 20,
      batchSize: 200,
    };
    runners = [new ProjectionRunner(options).start(), new ProjectionRunner(options).start()];
    await until('a runner active', () => runners.some((r) => r.isActive()), 10_000);

    let bothActive = 0;
    const sampler = setInterval(() => {
      if (runners.every((r) => r.isActive())) bothActive++;
    }, 1);
    const writing = recordDirectly(db.store, orderHistories(3_000, 'L'));
    const takeovers: number[] = [];
    try {
      for (let round = 0; round < 3; round++) {
        const holder = await lockHolder();
        expect(holder).toBeDefined();
        const killedAt = Date.now();
        await db.ownerPool.query('SELECT pg_terminate_backend($1)', [holder]);
        await until(
          'the lock taken again by another session',
          async () => {
            const next = await lockHolder();
            return next !== undefined && next !== holder && runners.some((r) => r.isActive());
          },
          10_000,
        );
        takeovers.push(Date.now() - killedAt);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await writing;
      const head = await db.store.headPosition();
      await until(
        'every projection at the head',
        async () => Object.values(await checkpointPositions(db.pool)).every((p) => p === head),
        30_000,
      );
    } finally {
      clearInterval(sampler);
    }
    console.log(
      `projector lock re-taken ${takeovers.map((ms) => `${ms} ms`).join(', ')} after its session was terminated`,
    );
    expect(bothActive).toBe(0);
    expect(takeovers.every((ms) => ms <= 5_000)).toBe(true);
    expect(runners.filter((r) => r.isActive())).toHaveLength(1);
  }, 60_000);
});
