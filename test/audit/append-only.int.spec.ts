import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresAuditLog, verifyChains } from '#audit';
import {
  migrateEventStore,
  PostgresEventStore,
  withApplicationRole,
  type NewEvent,
  type RecordedEvent,
} from '#event-store';
import { createDatabase, startEmbeddedPostgres, type RunningPostgres } from '#embedded-postgres';
import { auditExport } from '../../apps/cli/src/audit/audit-export.js';
import { auditVerify } from '../../apps/cli/src/audit/audit-verify.js';
import { capturedIo, changeAmount, logSize } from './support/audit-app.js';
import { untilDisconnected } from '../support/until-disconnected.js';

/**
 * The log's guarantees in the database itself, the audit's PostgreSQL reader, and the CLI — which
 * finds this server as it would find `npm start`'s: through DATA_DIR, joining the running server.
 */
describe('append-only log, audit reader and CLI on PostgreSQL', () => {
  let dataDir: string;
  let server: RunningPostgres;
  let url: string;
  let store: PostgresEventStore;
  const env = () => ({ DATA_DIR: dataDir });

  const granted = (amountCents: number, occurredAt: string): NewEvent => ({
    eventId: randomUUID(),
    type: 'GoodwillGranted',
    occurredAt,
    data: {
      grantId: `G-${amountCents}`,
      staffId: 'C-2',
      caseId: 'K-1',
      kind: 'credit',
      amountCents,
      reason: 'Sorry',
      overBudget: false,
    },
    metadata: {
      actorId: 'C-2',
      actorRoles: ['correspondent'],
      correlationId: 'c',
      causationId: 'c',
      standardsVersion: 1,
      schemaVersion: 1,
    },
  });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'caseledger-audit-cli-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the `postgres` user, who must reach its directory
    server = await startEmbeddedPostgres({
      dataDir: join(dataDir, 'postgres'),
      persistent: false,
      postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    });
    url = await createDatabase(server.url, 'caseledger');
    await migrateEventStore(url);
    store = new PostgresEventStore({ connection: { connectionString: url } });
    // 7 streams of 1 to 7 events: 28 events, business times one day apart per revision.
    for (let s = 1; s <= 7; s++) {
      const events = Array.from({ length: s }, (_, r) =>
        granted(s * 100 + r, `2026-0${(r % 7) + 1}-01T00:00:00.000Z`),
      );
      await store.appendToStream(`goodwill-C-${s}`, events, { expectedRevision: 'no_stream' });
    }
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    if (url) await untilDisconnected(url);
    await server?.stop();
  });

  describe('append-only, enforced by the database', () => {
    const asApplication = async <T>(work: (db: pg.Client) => Promise<T>) => {
      const db = new pg.Client(withApplicationRole({ connectionString: url }));
      await db.connect();
      try {
        return await work(db);
      } finally {
        await db.end();
      }
    };

    it.each([
      [
        'UPDATE',
        `UPDATE event_store.events SET data = jsonb_set(data, '{amountCents}', '1') WHERE stream_id = 'goodwill-C-3'`,
      ],
      ['DELETE', `DELETE FROM event_store.events WHERE stream_id = 'goodwill-C-3' AND stream_revision = 1`],
      ['TRUNCATE', 'TRUNCATE event_store.events'],
    ])('the application role (caseledger_app) may not %s events: permission denied', async (_, sql) => {
      await asApplication(async (db) => {
        expect((await db.query('SELECT current_user AS who')).rows[0].who).toBe('caseledger_app');
        await expect(db.query(sql)).rejects.toMatchObject({
          code: '42501',
          message: expect.stringContaining('permission denied'),
        });
      });
      expect(await logSize(url)).toEqual({ streams: 7, events: 28 });
    });

    it('even the table’s owner is refused by the triggers unless it switches them off on purpose', async () => {
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      try {
        await expect(
          db.query(`UPDATE event_store.events SET type = 'X' WHERE stream_id = 'goodwill-C-3'`),
        ).rejects.toMatchObject({
          message: 'event_store.events is append-only: UPDATE refused',
        });
        await expect(
          db.query(`DELETE FROM event_store.events WHERE stream_id = 'goodwill-C-3'`),
        ).rejects.toMatchObject({ message: expect.stringContaining('append-only') });
      } finally {
        await db.end();
      }
      const log = new PostgresAuditLog({ connection: { connectionString: url } });
      expect((await verifyChains(log.eventsInChainOrder())).ok).toBe(true);
      await log.close();
    });
  });

  describe('PostgresAuditLog', () => {
    let log: PostgresAuditLog;
    beforeAll(() => {
      log = new PostgresAuditLog({ connection: { connectionString: url }, pageSize: 4, poolSize: 1 });
    });
    afterAll(() => log.close());

    const drain = async (events: AsyncIterable<RecordedEvent>) => {
      const all: string[] = [];
      for await (const e of events) all.push(`${e.streamId}@${e.streamRevision}`);
      return all;
    };

    it('walks every event in keyset pages, each stream together and in revision order', async () => {
      const expected = Array.from({ length: 7 }, (_, s) =>
        Array.from({ length: s + 1 }, (_, r) => `goodwill-C-${s + 1}@${r}`),
      ).flat();
      expect(await drain(log.eventsInChainOrder())).toEqual(expected);
    });

    it('reads one snapshot: events appended during the walk are not in it', async () => {
      const walk = log.eventsInChainOrder()[Symbol.asyncIterator]();
      const first = await walk.next();
      await store.appendToStream('goodwill-C-1', [granted(1, '2026-08-01T00:00:00.000Z')], {
        expectedRevision: 0,
      });
      await store.appendToStream('goodwill-C-0', [granted(2, '2026-08-01T00:00:00.000Z')], {
        expectedRevision: 'no_stream',
      });
      const rest = await drain({ [Symbol.asyncIterator]: () => walk });
      expect([first.value.streamId, ...rest]).toHaveLength(28);
      expect(await drain(log.eventsInChainOrder())).toHaveLength(30);
    });

    it('gives its connection back when the reader stops early (one connection, three walks)', async () => {
      for (let i = 0; i < 2; i++) {
        for await (const _ of log.eventsInChainOrder()) break;
      }
      expect(await drain(log.eventsInChainOrder())).toHaveLength(await log.countEvents());
    });

    it('pages the trail only below transactions in flight: an older transaction holds later events back', async () => {
      const before = await log.findEvents({ after: 0, limit: 1000 });
      const older = new pg.Client({ connectionString: url });
      await older.connect();
      try {
        await older.query('BEGIN');
        await older.query('SELECT pg_current_xact_id()'); // takes a transaction id, as an append in progress does
        await store.appendToStream('goodwill-C-9', [granted(9, '2026-08-01T00:00:00.000Z')], {
          expectedRevision: 'no_stream',
        });
        // Were it shown, a client paging with `after` would skip anything the older one commits below it.
        expect(await log.findEvents({ after: 0, limit: 1000 })).toHaveLength(before.length);
      } finally {
        await older.query('ROLLBACK');
        await older.end();
      }
      expect(await log.findEvents({ after: 0, limit: 1000 })).toHaveLength(before.length + 1);
    });
  });

  describe('npm run cli -- audit verify', () => {
    it('joins the running embedded server of DATA_DIR and reports every chain intact, with plain progress lines off a terminal', async () => {
      const { streams, events } = await logSize(url);
      const io = capturedIo(env());
      expect(await auditVerify([], io)).toBe(0);
      expect(io.out()).toBe(`OK: every chain intact (${streams} streams, ${events} events)\n`);
      expect(io.err()).toMatch(
        new RegExp(`^verified: ${events}/${events} events, ${streams} streams, [\\d,]+ events/s\\n$`, 'm'),
      );
      expect(io.err()).not.toContain('\r');
    });

    it('--json prints the report; a changed event makes it exit 1 naming the stream and revision', async () => {
      const { streams, events } = await logSize(url);
      const json = capturedIo(env());
      expect(await auditVerify(['--json'], json)).toBe(0);
      expect(JSON.parse(json.out())).toEqual({ ok: true, streamsChecked: streams, eventsChecked: events });

      const restore = await changeAmount(url, 'goodwill-C-5', 3, 1);
      try {
        const io = capturedIo(env());
        expect(await auditVerify([], io)).toBe(1);
        expect(io.out()).toBe(
          `BROKEN: first break in stream goodwill-C-5 at revision 3: hash_mismatch (${streams} streams, ${events} events)\n`,
        );
      } finally {
        await restore();
      }
    });

    it('exits 2 with a reason when it cannot run: an unknown option, an EventStoreDB log', async () => {
      const bad = capturedIo(env());
      expect(await auditVerify(['--fast'], bad)).toBe(2);
      expect(bad.err()).toContain('Usage: npm run cli -- audit verify');
      const esdb = capturedIo({ EVENT_STORE: 'eventstoredb', EVENTSTOREDB_URL: 'esdb://localhost:2113' });
      expect(await auditVerify([], esdb)).toBe(2);
      expect(esdb.err()).toContain('EventStoreDB');
    });
  });

  describe('npm run cli -- audit export', () => {
    const lines = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));

    it('--all writes every envelope, hash and prevHash included, one per line in global order', async () => {
      const io = capturedIo(env());
      expect(await auditExport(['--all'], io)).toBe(0);
      const exported = lines(io.out());
      expect(exported).toHaveLength((await logSize(url)).events);
      expect(exported.map((e) => e.globalPosition)).toEqual(
        exported.map((e) => e.globalPosition).sort((a, b) => a - b),
      );
      expect(exported[0]).toEqual(
        expect.objectContaining({
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
          prevHash: '0'.repeat(64),
          streamRevision: 0,
        }),
      );
      expect(io.err()).toBe(`exported ${exported.length} events\n`);
    });

    it('--from/--to select by business time, [from, to)', async () => {
      const io = capturedIo(env());
      expect(await auditExport(['--from', '2026-02-01T00:00:00Z', '--to', '2026-03-01T00:00:00Z'], io)).toBe(
        0,
      );
      const exported = lines(io.out());
      // Revision 1 of the streams with at least two events occurred on 1 February.
      expect(exported.map((e) => `${e.streamId}@${e.streamRevision}`).sort()).toEqual([
        'goodwill-C-2@1',
        'goodwill-C-3@1',
        'goodwill-C-4@1',
        'goodwill-C-5@1',
        'goodwill-C-6@1',
        'goodwill-C-7@1',
      ]);
    });

    it('--case with --out writes the file; an unknown case exits 1 and leaves no file', async () => {
      const file = join(dataDir, 'no-case.ndjson');
      const io = capturedIo(env());
      expect(await auditExport(['--case', 'no-such-case', '--out', file], io)).toBe(1);
      expect(io.err()).toContain('No case no-such-case');
      expect(existsSync(file)).toBe(false);
    });

    it('--out writes a new file readable by its owner only (0600), and leaves no temporary file beside it', async () => {
      const file = join(dataDir, 'all.ndjson');
      const io = capturedIo(env());
      expect(await auditExport(['--all', '--out', file], io)).toBe(0);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(lines(readFileSync(file, 'utf8'))).toHaveLength((await logSize(url)).events);
      expect(readdirSync(dataDir).filter((name) => name.includes('.partial'))).toEqual([]);
    });

    it('--out never writes through or replaces an existing file or symlink, and a failure deletes nothing it was given', async () => {
      const existing = join(dataDir, 'kept.ndjson');
      writeFileSync(existing, 'evidence of yesterday\n');
      const target = join(dataDir, 'target.txt');
      writeFileSync(target, 'not to be touched\n');
      const link = join(dataDir, 'link.ndjson');
      symlinkSync(target, link);
      for (const out of [existing, link]) {
        const io = capturedIo(env());
        expect(await auditExport(['--all', '--out', out], io)).not.toBe(0);
        expect(io.err()).toContain('already exists');
      }
      expect(readFileSync(existing, 'utf8')).toBe('evidence of yesterday\n');
      expect(readFileSync(target, 'utf8')).toBe('not to be touched\n');
      expect(existsSync(link)).toBe(true);
    });

    it.each([
      [[]],
      [['--all', '--case', 'K-1']],
      [['--from', '2026-03-01T00:00:00Z', '--to', '2026-02-01T00:00:00Z']],
      [['--from', 'March']],
      [['--all', '--zip']],
    ])('exits 2 with the usage for %j', async (args) => {
      const io = capturedIo(env());
      expect(await auditExport(args, io)).toBe(2);
      expect(io.err()).toContain('Usage: npm run cli -- audit export');
      expect(io.out()).toBe('');
    });
  });
});
