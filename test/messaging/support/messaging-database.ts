import pg from 'pg';
import { migrateEventStore, PostgresEventStore, openPool } from '#event-store';
import { createDatabase } from '#embedded-postgres';
import { migrateMessaging } from '#messaging';
import { migrateReadModels } from '#projections';
import { startTestPostgres } from '../../support/embedded-postgres.js';
import { runtimeLoginUrl } from '../../support/runtime-login.js';

export interface MessagingDatabase {
  /** The superuser's: the owner, for migrations and the tests' own SQL. */
  url: string;
  /** The runtime login processes such as apps/ingest are given as DATABASE_URL. */
  runtimeUrl: string;
  store: PostgresEventStore;
  /** For the publisher, the projector and the tests' own SQL. */
  pool: pg.Pool;
  stop(): Promise<void>;
}

/** A throw-away PostgreSQL for one test file: the log, the publisher checkpoint, optionally the read models. */
export async function startMessagingDatabase(
  options: { readModels?: boolean } = {},
): Promise<MessagingDatabase> {
  const postgres = await startTestPostgres();
  const url = await createDatabase(postgres.url, 'caseledger');
  await migrateEventStore(url);
  await migrateMessaging(url);
  if (options.readModels) await migrateReadModels(url);
  const runtimeUrl = await runtimeLoginUrl(url);
  const store = new PostgresEventStore({ connection: { connectionString: url }, poolSize: 10 });
  let stopping = false;
  // Lost idle connections are expected while the server stops; before that they would be news.
  const pool = openPool({ connectionString: url, max: 6 }, (error) => {
    if (!stopping) console.warn(new Date().toISOString(), 'test pool: idle connection lost', error.message);
  });
  return {
    url,
    runtimeUrl,
    store,
    pool,
    stop: async () => {
      stopping = true;
      await store.close();
      await pool.end();
      await postgres.stop();
    },
  };
}

export interface OrderLogFigures {
  events: number;
  distinctEventIds: number;
  streams: number;
  totalCents: number;
  /** Position of the last order event: moves if anything at all is appended again. */
  lastPosition: number;
}

/** What the log holds on `order-*` streams, counted by the database, not by the code under test. */
export async function orderLogFigures(pool: pg.Pool): Promise<OrderLogFigures> {
  const { rows } = await pool.query<{
    events: string;
    ids: string;
    streams: string;
    total: string | null;
    last: string | null;
  }>(
    `SELECT count(*) AS events, count(DISTINCT event_id) AS ids, count(DISTINCT stream_id) AS streams,
            sum((data->>'totalCents')::bigint) FILTER (WHERE type = 'OrderPlaced') AS total, max(global_position) AS last
       FROM event_store.events WHERE stream_id LIKE 'order-%'`,
  );
  const row = rows[0]!;
  return {
    events: Number(row.events),
    distinctEventIds: Number(row.ids),
    streams: Number(row.streams),
    totalCents: Number(row.total ?? 0),
    lastPosition: Number(row.last ?? 0),
  };
}

export async function orderEventCount(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM event_store.events WHERE stream_id LIKE 'order-%'`,
  );
  return Number(rows[0]!.n);
}

export async function publisherCheckpoint(pool: pg.Pool, topic: string): Promise<number> {
  const { rows } = await pool.query<{ position: string }>(
    'SELECT position FROM messaging.publisher_checkpoint WHERE topic = $1',
    [topic],
  );
  return Number(rows[0]?.position ?? 0);
}
