import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '../../src/event-store.port.js';
import { dropDatabase } from '../../../../test/support/local-postgres.js';
import { createDatabase } from '../../src/embedded/create-database.js';
import { appendStatement, positionsOf } from '../../src/postgres/append-statement.js';
import {
  EVENT_STORE_MIGRATIONS_TABLE,
  eventStoreMigrations,
  migrateEventStore,
  runMigrationsOnce,
} from '../../src/postgres/migrate.js';
import { PostgresEventStore } from '../../src/postgres/postgres-event-store.js';
import { APPLICATION_ROLE } from '../../src/postgres/migrations/1763900000001-guard-append-only.js';
import { DuplicateEventId, IdempotencyKeyTaken, WrongExpectedRevision } from '../../src/errors.js';
import { databaseSessionsOpened } from '../../src/faults/open-pool.js';
import { serialiseChain } from '../../src/shared/chain-events.js';
import { aNewEvent, aStream, someEvents } from '../contract/contract-context.js';
import type { EventStoreHarness } from '../contract/event-store-contract.js';

export interface PostgresHarness extends EventStoreHarness {
  /** Superuser URL of the migrated test database. */
  url(): string;
}

/** A database of the test's own on the harness's server, dropped when it ends: the machine's server keeps no leftovers. */
async function withOwnDatabase(
  serverUrl: string,
  prefix: string,
  work: (url: string) => Promise<void>,
): Promise<void> {
  const name = `${prefix}_${randomUUID().replaceAll('-', '')}`;
  const url = await createDatabase(serverUrl, name);
  try {
    await work(url);
  } finally {
    await dropDatabase(serverUrl, name);
  }
}

async function connect(url: string, role?: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, ...(role ? { options: `-c role=${role}` } : {}) });
  await client.connect();
  return client;
}

/** What only the PostgreSQL adapter promises: the global order under late commits, and the database's own guard of the log. */
export function runPostgresGuarantees(name: string, harness: () => PostgresHarness): void {
  describe(`${name}: PostgreSQL guarantees`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await harness().open();
    });
    afterAll(() => store.close());

    it('never lets a reader pass a transaction that drew a lower position and commits late', async () => {
      const start = await store.headPosition();
      const writer = await connect(harness().url(), APPLICATION_ROLE);
      const lateStream = aStream();
      const late = serialiseChain(lateStream, null, [aNewEvent()], new Date().toISOString());
      try {
        await writer.query('BEGIN');
        const { rows } = await writer.query<{ positions: string }>(appendStatement(late));
        const earlyStream = aStream();
        const early = await store.appendToStream(earlyStream, someEvents(2), {
          expectedRevision: 'no_stream',
        });
        expect(early.events[0]!.globalPosition).toBeGreaterThan(positionsOf(rows, 1)[0]!);

        // Committed events above the open transaction's position are held back from every reader of
        // the log (the projector, the feed, the live workload and the digest issuer all read so).
        expect(await store.readAll({ after: start })).toEqual([]);
        expect(await store.readAllFacts({ after: start })).toEqual([]);

        await writer.query('COMMIT');
        const expectedOrder = [late[0]!.event.eventId, ...early.events.map((e) => e.eventId)];
        expect((await store.readAll({ after: start })).map((e) => e.eventId)).toEqual(expectedOrder);
        expect((await store.readAllFacts({ after: start })).map((e) => e.eventId)).toEqual(expectedOrder);
      } finally {
        await writer.end();
      }
    });

    it('refuses an append in a transaction that wrote before, since its positions could not follow its transaction id', async () => {
      const writer = await connect(harness().url(), APPLICATION_ROLE);
      try {
        await writer.query('BEGIN');
        await writer.query('SELECT pg_current_xact_id()');
        const rows = serialiseChain(aStream(), null, [aNewEvent()], new Date().toISOString());
        await expect(writer.query(appendStatement(rows))).rejects.toThrow(/first write of its transaction/);
        await writer.query('ROLLBACK');
      } finally {
        await writer.end();
      }
    });

    it('keeps the log append-only for the application role, by privilege and by trigger', async () => {
      const streamId = aStream();
      await store.appendToStream(streamId, someEvents(1), { expectedRevision: 'no_stream' });
      const app = await connect(harness().url(), APPLICATION_ROLE);
      try {
        for (const statement of [
          `UPDATE event_store.events SET type = 'Edited' WHERE stream_id = '${streamId}'`,
          `DELETE FROM event_store.events WHERE stream_id = '${streamId}'`,
          `TRUNCATE event_store.events`,
        ]) {
          await expect(app.query(statement)).rejects.toMatchObject({ code: '42501' });
        }
        const { rows } = await app.query<{ privileges: boolean[] }>(
          `SELECT ARRAY[has_table_privilege('event_store.events', 'UPDATE'), has_table_privilege('event_store.events', 'DELETE'),
                        has_table_privilege('event_store.events', 'INSERT')] AS privileges`,
        );
        expect(rows[0]!.privileges).toEqual([false, false, true]);
      } finally {
        await app.end();
      }
      expect(await store.readStream(streamId)).toHaveLength(1);
    });

    it('refuses UPDATE, DELETE and TRUNCATE even to the owner, through the triggers', async () => {
      const owner = await connect(harness().url());
      try {
        await expect(
          owner.query(`UPDATE event_store.events SET type = 'Edited' WHERE false`),
        ).rejects.toThrow(/append-only: UPDATE refused/);
        await expect(owner.query(`DELETE FROM event_store.events WHERE false`)).rejects.toThrow(
          /append-only: DELETE refused/,
        );
        await expect(owner.query(`TRUNCATE event_store.events`)).rejects.toThrow(
          /append-only: TRUNCATE refused/,
        );
      } finally {
        await owner.end();
      }
    });

    it('appends with a known exact revision in one statement', async () => {
      const streamId = aStream();
      await store.appendToStream(streamId, someEvents(1), { expectedRevision: 'no_stream' });
      // Counts what the connections are asked to run (pool.query and checked-out clients alike), by
      // wrapping the client's query method for this one append.
      const statements: string[] = [];
      const original = pg.Client.prototype.query;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const config = args[0];
        statements.push(typeof config === 'string' ? config : (config as pg.QueryConfig).text);
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      try {
        await store.appendToStream(streamId, someEvents(2), { expectedRevision: 0 });
      } finally {
        pg.Client.prototype.query = original;
      }
      expect(statements).toHaveLength(1);
    });

    it('answers every expected refusal of an append without losing a connection (no new session opened)', async () => {
      // Two writers of one connection each: the loser's unique violation is real (its cache is
      // behind), and a connection thrown away would have to be opened again for its next call.
      const open = () =>
        new PostgresEventStore({
          connection: { connectionString: harness().url() },
          poolSize: 1,
          onBackgroundError: () => undefined,
        });
      const [first, second] = [open(), open()];
      try {
        const streamId = aStream();
        const events = someEvents(1);
        const key = {
          key: `k-${randomUUID()}`,
          requestHash: 'a1'.repeat(32),
          answer: { status: 201, body: {} },
        };
        await first.appendToStream(streamId, events, { expectedRevision: 'no_stream', idempotency: key });
        await second.readStream(aStream()); // each pool has its one connection now
        const opened = databaseSessionsOpened();

        const refusals = [
          second.appendToStream(streamId, someEvents(1), { expectedRevision: 'no_stream' }),
          first
            .appendToStream(streamId, someEvents(1), { expectedRevision: 0 })
            .then(() => second.appendToStream(streamId, someEvents(1), { expectedRevision: 0 })),
          second.appendToStream(aStream(), events, { expectedRevision: 'no_stream' }),
          second.appendToStream(aStream(), someEvents(1), {
            expectedRevision: 'no_stream',
            idempotency: { ...key, requestHash: 'b2'.repeat(32) },
          }),
          // Every event logged already: the key alone is recorded, and it is taken.
          second.appendToStream(streamId, events, {
            expectedRevision: 'no_stream',
            idempotency: { ...key, requestHash: 'b2'.repeat(32) },
          }),
        ];
        const errors = [];
        for (const refusal of refusals)
          errors.push(
            await refusal.then(
              () => null,
              (error: unknown) => error,
            ),
          );
        expect(errors.map((error) => error?.constructor)).toEqual([
          WrongExpectedRevision,
          WrongExpectedRevision,
          DuplicateEventId,
          IdempotencyKeyTaken,
          IdempotencyKeyTaken,
        ]);
        // Writers racing on 'any': the store retries its own conflicts.
        const racing = aStream();
        await Promise.all(
          [first, second, first, second, first, second].map((store) =>
            store.appendToStream(racing, someEvents(1), { expectedRevision: 'any' }),
          ),
        );
        expect(await first.readStream(racing)).toHaveLength(6);

        expect(databaseSessionsOpened() - opened).toBe(0);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });

    it(
      'numbers positions from transaction ids after a log written under the old sequence, keeping the order',
      () =>
        withOwnDatabase(harness().url(), 'positions', async (url) => {
          const lock: [number, number] = [1701999001, 0];
          const upTo = eventStoreMigrations.findIndex((m) =>
            m.name.startsWith('PositionsFromTransactionIds'),
          );
          // The log as the first release wrote it: sequence positions under the advisory lock.
          await runMigrationsOnce(
            url,
            eventStoreMigrations.slice(0, upTo),
            EVENT_STORE_MIGRATIONS_TABLE,
            lock,
          );
          const before = new PostgresEventStore({
            connection: { connectionString: url },
            role: null,
            poolSize: 2,
          });
          const old = await before.appendToStream(aStream(), someEvents(3), {
            expectedRevision: 'no_stream',
          });
          await before.close();
          expect(old.events.map((e) => e.globalPosition)).toEqual([1, 2, 3]);

          await runMigrationsOnce(url, eventStoreMigrations, EVENT_STORE_MIGRATIONS_TABLE, lock);
          const after = new PostgresEventStore({
            connection: { connectionString: url },
            role: null,
            poolSize: 4,
          });
          try {
            const streams = Array.from({ length: 8 }, () => aStream());
            const appended = await Promise.all(
              streams.map((s) => after.appendToStream(s, someEvents(2), { expectedRevision: 'no_stream' })),
            );
            const newPositions = appended.flatMap((r) => r.events.map((e) => e.globalPosition));
            expect(Math.min(...newPositions)).toBeGreaterThan(3);
            for (const result of appended)
              expect(result.events[1]!.globalPosition).toBe(result.events[0]!.globalPosition + 1);
            const all = await after.readAll();
            expect(all.map((e) => e.globalPosition)).toEqual(
              [...all.map((e) => e.globalPosition)].sort((a, b) => a - b),
            );
            expect(all.map((e) => e.eventId)).toEqual(
              [...old.events, ...appended.flatMap((r) => r.events)]
                .sort((a, b) => a.globalPosition - b.globalPosition)
                .map((e) => e.eventId),
            );
            expect(await after.countEvents({ after: 0, upTo: await after.headPosition(), limit: 1000 })).toBe(
              19,
            );
            // The schema_version column came later: generated from each event's metadata, the old ones' too.
            expect((await after.readAllFacts({ maxCount: 3 })).map((e) => e.schemaVersion)).toEqual([
              1, 1, 1,
            ]);
          } finally {
            await after.close();
          }
          // An INSERT that bypasses reserve_positions no longer gets a (low) sequence position.
          const client = await connect(url);
          try {
            await expect(
              client.query(`INSERT INTO event_store.events (event_id, stream_id, stream_revision, type, occurred_at, recorded_at, data, metadata, hash, prev_hash)
                          VALUES (gen_random_uuid(), 'x', 0, 't', now(), now(), '{}', '{}', '', '')`),
            ).rejects.toThrow(/global_position/);
            // Nor can a writer give an event a schema version its metadata does not say.
            await expect(
              client.query(`INSERT INTO event_store.events (event_id, stream_id, stream_revision, type, occurred_at, recorded_at, data, metadata, hash, prev_hash, schema_version)
                          VALUES (gen_random_uuid(), 'x', 0, 't', now(), now(), '{}', '{"schemaVersion":1}', '', '', 2)`),
            ).rejects.toThrow(/non-DEFAULT value into column "schema_version"/);
          } finally {
            await client.end();
          }
        }),
      30_000,
    );

    it(
      'migrates a fresh database from two processes at once, and again as a no-op',
      () =>
        withOwnDatabase(harness().url(), 'migrate', async (url) => {
          await Promise.all([migrateEventStore(url), migrateEventStore(url)]);
          await migrateEventStore(url);
          const client = await connect(url);
          try {
            const { rows } = await client.query(`SELECT count(*)::int AS n FROM event_store_migrations`);
            expect(rows[0].n).toBe(eventStoreMigrations.length);
          } finally {
            await client.end();
          }
        }),
      30_000,
    );
  });
}
