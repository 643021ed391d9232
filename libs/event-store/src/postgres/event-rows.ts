import type { RecordedEvent } from '../event-store.port.js';

/** The columns every read selects, in this order (lookups UNION over them). */
export const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_revision, type, occurred_at, recorded_at, data, metadata, hash, prev_hash';

/** A row as node-postgres hands it over: int8 as string, timestamptz as Date, jsonb parsed. */
export interface EventRow {
  global_position: string;
  event_id: string;
  stream_id: string;
  stream_revision: string;
  type: string;
  occurred_at: Date;
  recorded_at: Date;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  hash: string;
  prev_hash: string;
}

/**
 * Positions and revisions become JS numbers: exact up to 2^53, far beyond any log this store holds.
 * Timestamps are stored from strings with three fractional digits, so toISOString gives back the
 * very string that was hashed.
 */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    streamRevision: Number(row.stream_revision),
    globalPosition: Number(row.global_position),
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    data: row.data,
    metadata: row.metadata,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}
