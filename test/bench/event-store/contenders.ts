import { randomUUID } from 'node:crypto';
import {
  getPostgreSQLEventStore,
  type PostgresEventStore as EmmettStore,
} from '@event-driven-io/emmett-postgresql';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { migrateEventStore, PostgresEventStore, WrongExpectedRevision, openPool } from '#event-store';
import { batchOf } from './payload.js';

/** Something that appends events to PostgreSQL: Caseledger's store, a peer, or a raw baseline. */
export interface Contender {
  name: string;
  /** Appends `size` events to a new stream, in one call. */
  appendToNewStream(size: number): Promise<void>;
  /** Appends one event to a shared stream at the revision it reads, retrying on a conflict. Returns the attempts. */
  appendContended?(streamId: string): Promise<number>;
  close(): Promise<void>;
}

const now = () => new Date().toISOString();

export async function caseledger(url: string, poolSize: number): Promise<Contender> {
  await migrateEventStore(url);
  const store = new PostgresEventStore({
    connection: { connectionString: url },
    poolSize,
    onBackgroundError: () => undefined,
  });
  return {
    name: 'caseledger',
    async appendToNewStream(size) {
      const streamId = `case-${randomUUID()}`;
      await store.appendToStream(streamId, batchOf(size, streamId, now()), { expectedRevision: 'no_stream' });
    },
    async appendContended(streamId) {
      for (let attempt = 1; ; attempt++) {
        const [head] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
        try {
          await store.appendToStream(streamId, batchOf(1, streamId, now()), {
            expectedRevision: head ? head.streamRevision : 'no_stream',
          });
          return attempt;
        } catch (error) {
          if (!(error instanceof WrongExpectedRevision)) throw error;
        }
      }
    },
    close: () => store.close(),
  };
}

export async function emmett(url: string, poolSize: number): Promise<Contender> {
  const pool = openPool({ connectionString: url, max: poolSize }, () => undefined); // an idle connection dropped at shutdown: the pool replaces it
  const store: EmmettStore = getPostgreSQLEventStore(url, { connectionOptions: { pooled: true, pool } });
  await store.schema.migrate();
  const toEmmett = (size: number, streamId: string) =>
    batchOf(size, streamId, now()).map((e) => ({
      type: e.type,
      data: e.data as Record<string, unknown>,
      metadata: e.metadata as unknown as Record<string, unknown>,
    }));
  return {
    name: 'emmett',
    async appendToNewStream(size) {
      const streamId = `case-${randomUUID()}`;
      await store.appendToStream(streamId, toEmmett(size, streamId), {
        expectedStreamVersion: STREAM_DOES_NOT_EXIST,
      });
    },
    async appendContended(streamId) {
      for (let attempt = 1; ; attempt++) {
        const { currentStreamVersion } = await store.readStream(streamId);
        try {
          await store.appendToStream(streamId, toEmmett(1, streamId), {
            expectedStreamVersion: currentStreamVersion === 0n ? STREAM_DOES_NOT_EXIST : currentStreamVersion,
          });
          return attempt;
        } catch (error) {
          if (
            (error as Error).name !== 'ExpectedVersionConflictError' &&
            !/version/i.test((error as Error).message)
          )
            throw error;
        }
      }
    },
    close: async () => {
      await store.close();
      await pool.end().catch(() => undefined);
    },
  };
}

const RAW_TABLE = `
  CREATE SCHEMA IF NOT EXISTS bench_raw;
  CREATE TABLE IF NOT EXISTS bench_raw.events (
    global_position bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, stream_id text NOT NULL,
    stream_revision bigint NOT NULL, type text NOT NULL, occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
    hash char(64) NOT NULL, prev_hash char(64) NOT NULL, UNIQUE (stream_id, stream_revision))`;
const ZERO = '0'.repeat(64);

/**
 * The limit: the same rows into an equivalent table (same columns, keys and indexes of the
 * constraints), with no ordering, no hash chain, no idempotency — one INSERT per transaction, or
 * all of a batch in one multi-row INSERT.
 */
export async function rawInsert(url: string, poolSize: number): Promise<Contender> {
  const pool = openPool({ connectionString: url, max: poolSize }, () => undefined);
  await pool.query(RAW_TABLE);
  return {
    name: 'raw INSERT',
    async appendToNewStream(size) {
      const streamId = `case-${randomUUID()}`;
      const events = batchOf(size, streamId, now());
      const at = now();
      if (size === 1) {
        const [e] = events;
        await pool.query(
          `INSERT INTO bench_raw.events (event_id, stream_id, stream_revision, type, occurred_at, recorded_at, data, metadata, hash, prev_hash)
           VALUES ($1, $2, 0, $3, $4, $5, $6, $7, $8, $8)`,
          [
            e!.eventId,
            streamId,
            e!.type,
            e!.occurredAt,
            at,
            JSON.stringify(e!.data),
            JSON.stringify(e!.metadata),
            ZERO,
          ],
        );
        return;
      }
      await pool.query(
        `INSERT INTO bench_raw.events (event_id, stream_id, stream_revision, type, occurred_at, recorded_at, data, metadata, hash, prev_hash)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::jsonb[], $8::jsonb[], $9::text[], $10::text[])`,
        [
          events.map((e) => e.eventId),
          events.map(() => streamId),
          events.map((_, i) => i),
          events.map((e) => e.type),
          events.map((e) => e.occurredAt),
          events.map(() => at),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
          events.map(() => ZERO),
          events.map(() => ZERO),
        ],
      );
    },
    close: () => pool.end(),
  };
}
