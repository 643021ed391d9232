import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import pg from 'pg';
import { issueDigest, recordSigningKey, signingKeyFrom, type LogDigest } from '#audit';
import { canonicalJson, eventHash, PostgresEventStore } from '#event-store';
import { auditExport } from '../../apps/cli/src/audit/audit-export.js';
import { auditVerify } from '../../apps/cli/src/audit/audit-verify.js';
import { caller } from '../support/api-fixtures.js';
import { asSuperuser, capturedIo } from './support/audit-app.js';
import { aDepartmentDay, type AuditScenario } from './support/audit-scenario.js';
import { copyOfLog, startDigestsApp, type DigestsApp } from './support/digests-app.js';
import { runOpensslCheck, runPython, writeDocumentedVerifier } from './support/python-verifier.js';

/**
 * SPEC §7.1 end to end. Per-stream chains cannot show a stream's last event deleted, a whole stream
 * deleted, events reordered, or an edit whose chain was recomputed; signed digests kept outside the
 * system can. Each attack runs as a superuser on a copy of the populated log, and is named by the
 * CLI (and by the Python verifier of docs/audit.md) at the first digest that covers it, while the
 * chain check passes.
 */
describe('signed log digests', () => {
  let app: DigestsApp;
  let day: AuditScenario;
  let dir: string;
  let python: string;
  const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey, 'test key');
  let digests: LogDigest[];
  let copies = 0;

  const issue = async () => {
    const client = await app.pool.connect();
    try {
      return await issueDigest(client, key, new Date());
    } finally {
      client.release();
    }
  };
  const positionsOf = async (url: string, where: string) =>
    asSuperuser(url, async (db) =>
      (
        await db.query(`SELECT global_position::int AS p FROM event_store.events WHERE ${where} ORDER BY 1`)
      ).rows.map((r) => r.p as number),
    );
  /** The first digest that covers `position`: where the digest check must name the divergence. */
  const coveringDigest = (position: number) => digests.find((d) => d.position >= position)!.position;

  beforeAll(async () => {
    app = await startDigestsApp();
    dir = mkdtempSync(join(tmpdir(), 'caseledger-digests-'));
    python = writeDocumentedVerifier(dir);
    await recordSigningKey(app.pool, key.jwk); // what the issuer does when it takes the lock
    const supervisor = await caller(app, 'S-0', 'supervisor');
    // The default guideline of 0.5: a fractional number the earlier documented verifier could not canonicalise.
    const standards = await supervisor.put('/standards', {
      firstResponseHours: { mail: 24, email: 12, web: 12, social: 2, phone: 2, chat: 1 },
      goodwillPctOfSalesGuideline: 0.5,
      goodwillPerGrantLimitCents: 5000,
      refundLimitCents: 20000,
    });
    expect(standards.status).toBe(200);
    expect(await issue()).not.toBeNull();
    day = await aDepartmentDay(app);
    expect(await issue()).not.toBeNull();
    await supervisor.post('/goodwill-budgets', { staffId: 'C-1', month: '2026-12', amountCents: 7000 });
    expect(await issue()).not.toBeNull();
    const answer = await day.auditor.get('/audit/digests');
    expect(answer.status).toBe(200);
    digests = answer.body.digests;
    writeFileSync(join(dir, 'digests.json'), JSON.stringify(answer.body));
    writeFileSync(
      join(dir, 'public-keys.json'),
      JSON.stringify((await day.auditor.get('/audit/public-keys')).body),
    );
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  describe('issuing', () => {
    it('each digest covers the whole log in position order, its logHash folded by hand from the stored hashes', async () => {
      expect(digests).toHaveLength(3);
      const rows = await asSuperuser(
        app.databaseUrl,
        async (db) =>
          (
            await db.query(
              'SELECT global_position::int AS p, hash FROM event_store.events ORDER BY global_position',
            )
          ).rows,
      );
      for (const digest of digests) {
        const covered = rows.filter((r) => r.p <= digest.position);
        const { createHash } = await import('node:crypto');
        const logHash = covered.reduce(
          (h, r) =>
            createHash('sha256')
              .update(h + r.hash)
              .digest('hex'),
          '0'.repeat(64),
        );
        expect(digest).toEqual({
          position: covered.at(-1)!.p,
          eventCount: covered.length,
          logHash,
          issuedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          keyId: key.keyId,
          signature: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/),
        });
      }
      expect(digests.at(-1)!.eventCount).toBe(rows.length);
    });

    it('issues nothing when the log did not grow', async () => {
      expect(await issue()).toBeNull();
      expect((await day.auditor.get('/audit/digests')).body.digests).toHaveLength(3);
    });

    it('two issuers racing for the same position: one digest, never two', async () => {
      await caller(app, 'S-0', 'supervisor').then((s) =>
        s.post('/goodwill-budgets', { staffId: 'C-2', month: '2026-11', amountCents: 100 }),
      );
      const [a, b] = await Promise.allSettled([issue(), issue()]);
      const issued = [a, b].filter((r) => r.status === 'fulfilled' && r.value !== null);
      expect(issued).toHaveLength(1);
      const all = (await day.auditor.get('/audit/digests')).body.digests as LogDigest[];
      expect(all).toHaveLength(4);
      expect(new Set(all.map((d) => d.position)).size).toBe(4);
    });

    it('covers only events below the gap-safe horizon: a transaction in flight holds later events back', async () => {
      const older = new pg.Client({ connectionString: app.databaseUrl });
      await older.connect();
      try {
        await older.query('BEGIN');
        await older.query('SELECT pg_current_xact_id()');
        await caller(app, 'S-0', 'supervisor').then((s) =>
          s.post('/goodwill-budgets', { staffId: 'C-2', month: '2026-10', amountCents: 100 }),
        );
        expect(await issue()).toBeNull();
      } finally {
        await older.query('ROLLBACK');
        await older.end();
      }
      expect(await issue()).toMatchObject({ eventCount: digests.at(-1)!.eventCount + 2 });
    });
  });

  describe('the routes', () => {
    it('GET /audit/digests pages by position like /audit/events; latest is the last one', async () => {
      const first = await day.auditor.get('/audit/digests?limit=2');
      expect(first.body.digests.map((d: LogDigest) => d.position)).toEqual(
        digests.slice(0, 2).map((d) => d.position),
      );
      expect(first.body.next).toBe(digests[1]!.position);
      const rest = await day.auditor.get(`/audit/digests?after=${first.body.next}&limit=1000`);
      expect(rest.body.digests[0]).toEqual(digests[2]);
      expect(rest.body.next).toBeNull();
      const latest = await day.auditor.get('/audit/digests/latest');
      expect(latest.body).toEqual(rest.body.digests.at(-1));
    });

    it('digests are for auditors; the public keys for anyone, as a JWK set', async () => {
      const correspondent = await caller(app, 'C-1', 'correspondent');
      expect((await correspondent.get('/audit/digests')).status).toBe(403);
      expect((await correspondent.get('/audit/digests/latest')).status).toBe(403);
      expect((await day.auditor.get('/audit/digests?limit=0')).body).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
      });
      const keys = await fetch(`${app.url}/audit/public-keys`);
      expect(keys.status).toBe(200);
      expect(await keys.json()).toEqual({
        keys: [{ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: key.keyId, x: key.jwk.x }],
      });
    });
  });

  describe('verification anyone can run', () => {
    const verifyDigests = async (url: string, digestsFile = join(dir, 'digests.json')) => {
      const io = capturedIo({ DATABASE_URL: url });
      const code = await auditVerify(['--digests', digestsFile, '--keys', join(dir, 'public-keys.json')], io);
      return { code, out: io.out().trim(), err: io.err() };
    };
    const verifyChains = async (url: string) => {
      const io = capturedIo({ DATABASE_URL: url });
      return { code: await auditVerify([], io), out: io.out().trim() };
    };
    const exportOf = async (url: string, name: string) => {
      const file = join(dir, `${name}.ndjson`);
      expect(await auditExport(['--all', '--out', file], capturedIo({ DATABASE_URL: url }))).toBe(0);
      return file;
    };

    it('the intact log holds against every digest: the CLI, the documented Python and openssl agree', async () => {
      expect(await verifyDigests(app.databaseUrl)).toMatchObject({
        code: 0,
        out: expect.stringMatching(/^OK: 3 digests hold for the log \(\d+ events\)$/),
      });
      const exported = await exportOf(app.databaseUrl, 'intact');
      expect(runPython(python, exported, '--digests', join(dir, 'digests.json'))).toMatchObject({
        status: 0,
        verdict: expect.stringMatching(/^OK \d+ streams, \d+ events, 3 digests hold$/),
      });
      expect(runOpensslCheck(dir)).toEqual({
        status: 0,
        output: `digest at position ${digests[2]!.position}: digest.msg, digest.sig, signing-key.pem written\nSignature Verified Successfully`,
      });
    });

    it('a digest with one signature byte flipped is refused, by the CLI and by openssl', async () => {
      const forged = structuredClone(digests);
      const signature = Buffer.from(forged[1]!.signature, 'base64url');
      signature[10] ^= 0x01;
      forged[1]!.signature = signature.toString('base64url');
      const file = join(dir, 'forged.json');
      writeFileSync(file, forged.map((d) => JSON.stringify(d)).join('\n'));
      expect(await verifyDigests(app.databaseUrl, file)).toMatchObject({
        code: 1,
        out: `DIVERGED: ${JSON.stringify({ position: digests[1]!.position, reason: 'signature_invalid' })}`,
      });
      const other = mkdtempSync(join(tmpdir(), 'caseledger-forged-'));
      copyFileSync(python, join(other, 'verify.py'));
      copyFileSync(join(dir, 'public-keys.json'), join(other, 'public-keys.json'));
      writeFileSync(join(other, 'digests.json'), JSON.stringify(forged[1]));
      expect(runOpensslCheck(other)).toMatchObject({
        status: 1,
        output: expect.stringContaining('Signature Verification Failure'),
      });
    });

    type Attack = [string, (url: string) => Promise<number>, 'log_hash_mismatch' | 'event_count_mismatch'];
    const attacks: Attack[] = [
      [
        'an amount edited and its chain recomputed',
        async (url) => {
          const store = new PostgresEventStore({
            connection: { connectionString: url },
            role: null,
            poolSize: 1,
          });
          const stream = await store.readStream('goodwill-C-2');
          await store.close();
          const grant = stream.findIndex((e) => e.type === 'GoodwillGranted');
          let prevHash = stream[grant]!.prevHash;
          await asSuperuser(url, async (db) => {
            for (const event of stream.slice(grant)) {
              const data =
                event.type === 'GoodwillGranted'
                  ? { ...(event.data as object), amountCents: 250 }
                  : event.data;
              const hash = eventHash(prevHash, { ...event, data });
              await db.query(
                'UPDATE event_store.events SET data = $2::jsonb, prev_hash = $3, hash = $4 WHERE event_id = $1',
                [event.eventId, canonicalJson(data), prevHash, hash],
              );
              prevHash = hash;
            }
          });
          return stream[grant]!.globalPosition;
        },
        'log_hash_mismatch',
      ],
      [
        "a stream's last event deleted",
        async (url) => {
          const [last] = (await positionsOf(url, `stream_id = 'case-${day.caseB}'`)).slice(-1);
          await asSuperuser(url, (db) =>
            db.query('DELETE FROM event_store.events WHERE global_position = $1', [last]),
          );
          return last!;
        },
        'event_count_mismatch',
      ],
      [
        'a whole stream deleted',
        async (url) => {
          const [first] = await positionsOf(url, `stream_id = 'order-O-3'`);
          await asSuperuser(url, (db) =>
            db.query(`DELETE FROM event_store.events WHERE stream_id = 'order-O-3'`),
          );
          return first!;
        },
        'event_count_mismatch',
      ],
      [
        "two events' positions swapped",
        async (url) => {
          const [a] = await positionsOf(url, `stream_id = 'order-O-2'`);
          const [b] = await positionsOf(url, `stream_id = 'staff-C-1'`);
          await asSuperuser(url, async (db) => {
            await db.query('UPDATE event_store.events SET global_position = -1 WHERE global_position = $1', [
              a,
            ]);
            await db.query('UPDATE event_store.events SET global_position = $1 WHERE global_position = $2', [
              a,
              b,
            ]);
            await db.query('UPDATE event_store.events SET global_position = $1 WHERE global_position = -1', [
              b,
            ]);
          });
          return Math.min(a!, b!);
        },
        'log_hash_mismatch',
      ],
    ];

    it.each(attacks)(
      '%s: the chain check passes, the digest check names the first digest covering it',
      async (_, attack, reason) => {
        const url = await copyOfLog(app, `attack_${++copies}`);
        const tampered = await attack(url);
        expect(await verifyChains(url)).toMatchObject({
          code: 0,
          out: expect.stringMatching(/^OK: every chain intact/),
        });
        const position = coveringDigest(tampered);
        expect(await verifyDigests(url)).toMatchObject({
          code: 1,
          out: `DIVERGED: ${JSON.stringify({ position, reason })}`,
        });
        const exported = await exportOf(url, `attack_${copies}`);
        expect(runPython(python, exported)).toMatchObject({ status: 0 });
        expect(runPython(python, exported, '--digests', join(dir, 'digests.json'))).toEqual({
          status: 1,
          verdict: `DIVERGED ${position} ${reason}`,
        });
      },
    );
  });
});
