import type { Pool } from 'pg';
import type {
  EventFacts,
  IdempotencyRecord,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '../event-store.port.js';
import {
  EVENT_COLUMNS,
  FACT_COLUMNS,
  toEventFacts,
  toRecordedEvent,
  type EventRow,
  type FactRow,
} from './event-rows.js';

export type StoredIdempotency = IdempotencyRecord & {
  streamId: string | null;
  revision: number | null;
  globalPosition: number | null;
};

export async function readStreamRows(
  pool: Pool,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const { rows } = await pool.query<EventRow>({
    name: backwards ? 'event_store_read_stream_backwards' : 'event_store_read_stream_forwards',
    text: backwards
      ? `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE stream_id = $1 AND stream_revision <= $2
         ORDER BY stream_revision DESC LIMIT $3`
      : `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE stream_id = $1 AND stream_revision >= $2
         ORDER BY stream_revision LIMIT $3`,
    // LIMIT NULL is LIMIT ALL.
    values: [
      streamId,
      options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0),
      options.maxCount ?? null,
    ],
  });
  return rows.map(toRecordedEvent);
}

/**
 * Only events of transactions older than every transaction still in flight: such a transaction may
 * hold a lower position and commit later, so a reader that went past it would never come back.
 * Positions are numbered in transaction-id order (reserve_positions), so what this returns is always
 * a prefix of the final order: a checkpoint taken from it stays valid forever.
 */
export async function readAllRows(pool: Pool, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  const { rows } = await pool.query<EventRow>({
    name: 'event_store_read_all',
    text: readAllText(EVENT_COLUMNS),
    values: readAllValues(options),
  });
  return rows.map(toRecordedEvent);
}

/** readAllRows without metadata and hash chain (the projector's read). */
export async function readAllFactRows(pool: Pool, options: ReadAllOptions = {}): Promise<EventFacts[]> {
  const { rows } = await pool.query<FactRow>({
    name: 'event_store_read_all_facts',
    text: readAllText(FACT_COLUMNS),
    values: readAllValues(options),
  });
  return rows.map(toEventFacts);
}

const readAllText = (columns: string) => `SELECT ${columns} FROM event_store.events
  WHERE global_position > $1 AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY global_position LIMIT $2`;
const readAllValues = (options: ReadAllOptions) => [options.after ?? 0, options.maxCount ?? null];

export async function headPosition(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ head: string }>(
    `SELECT coalesce(max(global_position), 0) AS head FROM event_store.events`,
  );
  return Number(rows[0]?.head ?? 0);
}

/** Counted on the primary key's index, stopping at `limit` so a large lag stays a cheap question. */
export async function countEventsRows(
  pool: Pool,
  range: { after: number; upTo: number; limit: number },
): Promise<number> {
  const { rows } = await pool.query<{ n: number }>({
    name: 'event_store_count_events',
    text: `SELECT count(*)::int AS n FROM (SELECT 1 FROM event_store.events WHERE global_position > $1 AND global_position <= $2 LIMIT $3) e`,
    values: [range.after, range.upTo, range.limit],
  });
  return rows[0]?.n ?? 0;
}

/** Served by events_case_id_idx; not held back by transactions in flight (a history, not a feed). */
export async function readEventsByCaseRows(pool: Pool, caseId: string): Promise<RecordedEvent[]> {
  const { rows } = await pool.query<EventRow>({
    name: 'event_store_read_by_case',
    text: `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE (data->>'caseId') = $1 ORDER BY global_position`,
    values: [caseId],
  });
  return rows.map(toRecordedEvent);
}

export async function readEventsByIdRows(pool: Pool, eventIds: string[]): Promise<RecordedEvent[]> {
  if (eventIds.length === 0) return [];
  const { rows } = await pool.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE event_id = ANY($1::uuid[]) ORDER BY global_position`,
    [eventIds.map((id) => id.toLowerCase())],
  );
  return rows.map(toRecordedEvent);
}

export async function readIdempotencyRow(pool: Pool, key: string): Promise<StoredIdempotency | null> {
  const { rows } = await pool.query<{
    key: string;
    request_hash: string;
    answer: IdempotencyRecord['answer'];
    stream_id: string | null;
    revision: string | null;
    global_position: string | null;
  }>(
    `SELECT key, request_hash, answer, stream_id, revision, global_position FROM event_store.idempotency_keys WHERE key = $1`,
    [key],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    key: row.key,
    requestHash: row.request_hash,
    answer: row.answer,
    streamId: row.stream_id,
    revision: row.revision === null ? null : Number(row.revision),
    globalPosition: row.global_position === null ? null : Number(row.global_position),
  };
}
