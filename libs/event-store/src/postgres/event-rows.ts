import pg from 'pg';
import type { CustomTypesConfig } from 'pg';
import type { EventFacts, RecordedEvent } from '../event-store.port.js';

const ENVELOPE_COLUMNS =
  'global_position, event_id, stream_id, stream_revision, type, occurred_at, recorded_at, data';

/**
 * The columns a facts read selects: every event column but metadata and the hash chain, and the
 * data's schema version (a column generated from the metadata, cheaper to read than the document).
 */
export const FACT_COLUMNS = `${ENVELOPE_COLUMNS}, schema_version`;

/** The columns every other read selects, in this order (lookups UNION over them). */
export const EVENT_COLUMNS = `${ENVELOPE_COLUMNS}, metadata, hash, prev_hash`;

/** A row as node-postgres hands it over: int8 as string, timestamptz as Date, jsonb parsed. */
export interface EventRow {
  global_position: string;
  event_id: string;
  stream_id: string;
  stream_revision: string;
  type: string;
  /** ISO-8601 UTC with three fractional digits (EVENT_ROW_TYPES). */
  occurred_at: string;
  recorded_at: string;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  hash: string;
  prev_hash: string;
}

const TIMESTAMPTZ = 1184;
const defaultInstant = pg.types.getTypeParser(TIMESTAMPTZ, 'text');
/** What a UTC session prints: `2026-09-01 08:30:00.12+00` (trailing zeros of the fraction dropped). */
const UTC_TEXT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

/**
 * A timestamptz as the envelope's ISO string (three fractional digits, `Z`), rewritten from the
 * text PostgreSQL sends instead of going through a Date: 0.3 µs instead of 2.6 for each of the two
 * timestamps of every event read (a sixth of the projector's CPU when it catches up). Anything but
 * a UTC session's output takes the Date path.
 */
export function instantFromText(text: string): string {
  const utc = UTC_TEXT.exec(text);
  if (!utc) return (defaultInstant(text) as Date).toISOString();
  const fraction = utc[3] ?? '';
  return `${utc[1]}T${utc[2]}.${fraction.length >= 3 ? fraction.slice(0, 3) : fraction.padEnd(3, '0')}Z`;
}

/** The event store's connections parse timestamptz with instantFromText; every other type as usual. */
export const EVENT_ROW_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ && format !== 'binary'
      ? instantFromText
      : pg.types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

export type FactRow = Omit<EventRow, 'metadata' | 'hash' | 'prev_hash'> & { schema_version: number };

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
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    data: row.data,
    metadata: row.metadata,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}

/**
 * A facts row as the port hands it over: toRecordedEvent without metadata and hash chain, written
 * out rather than shared through a spread (members added to a spread copy take V8's slow path).
 */
export function toEventFacts(row: FactRow): EventFacts {
  return {
    eventId: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    streamRevision: Number(row.stream_revision),
    globalPosition: Number(row.global_position),
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    data: row.data,
    schemaVersion: row.schema_version,
  };
}
