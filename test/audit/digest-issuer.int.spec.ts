import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DigestIssuer, digestsAfter, loadSigningKey, signingKeys, type LogDigest } from '#audit';
import { PostgresEventStore, withApplicationRole, type NewEvent, openPool } from '#event-store';
import { createDatabase, type RunningPostgres } from '#embedded-postgres';
import { migrateAll } from '#runtime';
import { startTestPostgres } from '../support/embedded-postgres.js';

/**
 * The issuer as processes run it: one active at a time under its lock, the others standing by and
 * taking over when it stops; every digest extends the one before it.
 */
describe('digest issuer', () => {
  let server: RunningPostgres;
  let url: string;
  let store: PostgresEventStore;
  const pools: pg.Pool[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'caseledger-keys-'));
  const quiet = { info: () => undefined, warn: () => undefined };

  const budget = (n: number): NewEvent => ({
    eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'GoodwillBudgetAllocated',
    occurredAt: '2026-12-01T09:00:00.000Z',
    data: { staffId: 'C-1', month: '2026-12', amountCents: n },
    metadata: {
      actorId: 'S-1',
      actorRoles: ['supervisor'],
      correlationId: 'c',
      causationId: 'c',
      standardsVersion: 1,
      schemaVersion: 1,
    },
  });
  const pool = () => {
    const p = openPool({ ...withApplicationRole({ connectionString: url }), max: 2 }, () => undefined);
    pools.push(p);
    return p;
  };
  const digests = async () => digestsAfter(pools[0] ?? pool(), 0, 1000);
  const until = async (done: () => Promise<boolean>) => {
    const deadline = Date.now() + 10_000;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    server = await startTestPostgres();
    url = await createDatabase(server.url, 'caseledger');
    await migrateAll(url);
    store = new PostgresEventStore({
      connection: { connectionString: url },
      poolSize: 2,
      onBackgroundError: () => undefined,
    });
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    for (const p of pools) await p.end();
    await server?.stop();
  });

  it('generates its key into DATA_DIR at mode 0600, keyId from the raw public key; reads it back the next time', async () => {
    const key = await loadSigningKey({ dataDir });
    expect(statSync(join(dataDir, 'audit-signing-key.pem')).mode & 0o777).toBe(0o600);
    expect(key.keyId).toBe(
      createHash('sha256').update(Buffer.from(key.jwk.x, 'base64url')).digest('hex').slice(0, 16),
    );
    expect(Buffer.from(key.jwk.x, 'base64url')).toHaveLength(32);
    expect((await loadSigningKey({ dataDir })).keyId).toBe(key.keyId);
  });

  it('refuses an AUDIT_SIGNING_KEY_FILE that is not Ed25519', async () => {
    const file = join(dataDir, 'rsa.pem');
    writeFileSync(
      file,
      generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }),
    );
    await expect(loadSigningKey({ keyFile: file, dataDir })).rejects.toThrow(/not an Ed25519 key \(rsa\)/);
  });

  it('two issuers: one active, the other takes over when it stops; every digest extends the last', async () => {
    const key = await loadSigningKey({ dataDir });
    const first = new DigestIssuer({
      pool: pool(),
      key,
      intervalMs: 100,
      logger: quiet,
      standbyPollMs: 100,
    }).start();
    await until(async () => first.isActive);
    const second = new DigestIssuer({
      pool: pool(),
      key,
      intervalMs: 100,
      logger: quiet,
      standbyPollMs: 100,
    }).start();
    await store.appendToStream('goodwill-C-1', [budget(1), budget(2)], { expectedRevision: 'no_stream' });
    await until(async () => (await digests()).at(-1)?.eventCount === 2);
    expect(second.isActive).toBe(false);
    await first.stop();
    await until(async () => second.isActive);
    await store.appendToStream('goodwill-C-1', [budget(3)], { expectedRevision: 1 });
    await until(async () => (await digests()).at(-1)?.eventCount === 3);
    await second.stop();

    const all = await digests();
    const rows = (
      await pools[0]!.query<{ p: string; hash: string }>(
        'SELECT global_position AS p, hash FROM event_store.events ORDER BY 1',
      )
    ).rows;
    let previous: LogDigest | undefined;
    for (const digest of all) {
      const covered = rows.filter((r) => Number(r.p) <= digest.position);
      expect(digest.eventCount).toBe(covered.length);
      expect(digest.logHash).toBe(
        covered.reduce(
          (h, r) =>
            createHash('sha256')
              .update(h + r.hash)
              .digest('hex'),
          '0'.repeat(64),
        ),
      );
      if (previous) expect(digest.position).toBeGreaterThan(previous.position);
      previous = digest;
    }
    expect(await signingKeys(pools[0]!)).toEqual([key.jwk]);
  }, 30_000);
});
