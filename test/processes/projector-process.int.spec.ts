import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkInsertLog } from '../../libs/projections/test/bulk-insert-log.js';
import { generateDepartmentLog } from '../../libs/projections/test/generated-log.js';
import { startMessagingDatabase, type MessagingDatabase } from '../messaging/support/messaging-database.js';
import { startNodeProcess, type NodeProcess } from '../messaging/support/node-process.js';

/**
 * apps/projector from dist/, two replicas on one database as an operator deploys them (the runtime
 * login as DATABASE_URL, the owner apart): one applies the log and signs digests, the other stands
 * by; killed mid-catch-up, the active one loses nothing the read models had committed, and the
 * standby takes over to the head. SIGTERM stops a replica cleanly.
 */
describe('the projector as its own process', () => {
  let db: MessagingDatabase;
  let dataDir: string;
  const replicas: NodeProcess[] = [];
  beforeAll(async () => {
    db = await startMessagingDatabase({ readModels: true });
    dataDir = await mkdtemp(join(tmpdir(), 'caseledger-projector-'));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.kill('SIGKILL')));
    await db?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const replica = () => {
    const process = startNodeProcess('dist/apps/projector/src/main.js', {
      DATABASE_URL: db.runtimeUrl,
      DATABASE_OWNER_URL: db.url,
      DATA_DIR: dataDir,
      AUDIT_DIGEST_SECONDS: '1',
      LOG_LEVEL: 'info',
    });
    replicas.push(process);
    return process;
  };
  const scalar = async (sql: string) => Number((await db.pool.query<{ n: string }>(sql)).rows[0]!.n);
  const head = () => scalar('SELECT max(global_position) AS n FROM event_store.events');
  const projected = () => scalar('SELECT min(position) AS n FROM read_models.projection_checkpoints');
  const until = async (what: () => Promise<boolean>, ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50)))
      if (await what()) return true;
    return false;
  };

  it('one replica applies the log and signs it; killed mid-work, the other takes over to the head', async () => {
    const revisions = new Map<string, number>();
    const first = await bulkInsertLog(
      db.pool,
      generateDepartmentLog({ cases: 300, idPrefix: '0a01', revisions }),
    );
    const a = replica();
    await a.waitForLine(/projector active: took the lock/);
    const b = replica();
    await b.waitForLine(/projector standing by/);
    expect(await until(async () => (await projected()) === (await head()), 30_000)).toBe(true);
    // Digests: the issuer runs beside the projector in the active replica.
    expect(
      await until(
        async () => (await scalar('SELECT max(position) AS n FROM audit.log_digests')) === (await head()),
        10_000,
      ),
    ).toBe(true);

    // A longer log, and the active replica killed while it applies it.
    const second = await bulkInsertLog(
      db.pool,
      generateDepartmentLog({ cases: 6_000, idPrefix: '0a02', revisions }),
    );
    expect(
      await until(async () => (await projected()) > 0 && (await projected()) < (await head()), 10_000),
    ).toBe(true);
    await a.kill('SIGKILL');
    await b.waitForLine(/projector active: took the lock/, 20_000);
    expect(await until(async () => (await projected()) === (await head()), 60_000)).toBe(true);

    // Every complaint of both logs is in the read models once: none lost, none twice.
    const complaints = await scalar(
      `SELECT count(*) AS n FROM event_store.events WHERE type = 'ComplaintReceived'`,
    );
    expect(await scalar('SELECT count(*) AS n FROM read_models.cases')).toBe(complaints);
    expect(complaints).toBeGreaterThan(6_000);
    expect(first + second).toBe(await scalar('SELECT count(*) AS n FROM event_store.events'));

    expect(await b.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(b.output()).toMatch(/stopping: committing the batch in hand, releasing the lock/);
  }, 120_000);
});
