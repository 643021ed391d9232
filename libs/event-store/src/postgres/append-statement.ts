import type { QueryConfig } from 'pg';
import type { IdempotencyRecord } from '../event-store.port.js';
import type { SerialisedEvent } from '../shared/chain-events.js';

const TARGET = `INSERT INTO event_store.events
  (global_position, transaction_id, event_id, stream_id, stream_revision, type, occurred_at, recorded_at, data, metadata, hash, prev_hash)`;

// reserve_positions takes the transaction id and numbers the positions from it (see the migration
// "positions from transaction ids"), then the rows go in from parallel arrays: one statement, one
// round trip, atomic without BEGIN/COMMIT. Data and metadata travel as two JSON arrays ($8, $9)
// rather than jsonb[] literals: their texts are joined as they are, where an array literal would
// escape every quote in them (a tenth of the ingest's Node time), and PostgreSQL parses each
// document once (docs) and takes the n-th element for row n.
const RESERVED_AND_INPUT = `
  reserved AS MATERIALIZED (SELECT * FROM event_store.reserve_positions($1)),
  docs AS MATERIALIZED (SELECT $8::jsonb AS data, $9::jsonb AS metadata),
  input AS (
    SELECT i.event_id, i.stream_id, i.stream_revision, i.type, i.occurred_at, i.recorded_at,
           d.data -> (i.ord::int - 1) AS data, d.metadata -> (i.ord::int - 1) AS metadata, i.hash, i.prev_hash, i.ord
    FROM unnest($2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::timestamptz[], $7::timestamptz[], $10::text[], $11::text[])
           WITH ORDINALITY AS i(event_id, stream_id, stream_revision, type, occurred_at, recorded_at, hash, prev_hash, ord)
    CROSS JOIN docs d)`;

const SELECT_ROWS = `SELECT r.positions[i.ord], r.transaction_id, i.event_id, i.stream_id, i.stream_revision, i.type,
         i.occurred_at, i.recorded_at, i.data, i.metadata, i.hash, i.prev_hash
  FROM input i CROSS JOIN reserved r`;

// The answer is one row, whatever the number of events: the positions reserve_positions gave, as
// the text of an array (row n took element n). One row per event (RETURNING) cost the ingest a
// parsed row and a map entry per event for what this one string says.
const POSITIONS = `SELECT r.positions::text AS positions FROM reserved r`;

// One event, the common case of a command: scalar parameters, no arrays to encode or unnest; the
// one row inserted answers in the same form.
const APPEND_ONE = `WITH reserved AS MATERIALIZED (SELECT * FROM event_store.reserve_positions(1))
  ${TARGET}
  SELECT r.positions[1], r.transaction_id, $1::uuid, $2::text, $3::bigint, $4::text, $5::timestamptz, $6::timestamptz,
         $7::jsonb, $8::jsonb, $9::text, $10::text
  FROM reserved r
  RETURNING ARRAY[global_position]::text AS positions`;

// A data-modifying WITH runs to completion whether or not the final SELECT reads it.
const APPEND = `WITH ${RESERVED_AND_INPUT},
  inserted AS (${TARGET} ${SELECT_ROWS})
  ${POSITIONS}`;

// The idempotency record rides in the same statement, so it is stored exactly when the events are.
const APPEND_WITH_IDEMPOTENCY = `WITH ${RESERVED_AND_INPUT},
  inserted AS (${TARGET} ${SELECT_ROWS} RETURNING event_id, global_position, stream_id, stream_revision),
  recorded AS (
    INSERT INTO event_store.idempotency_keys (key, request_hash, answer, stream_id, revision, global_position)
    SELECT $12, $13, $14::jsonb, stream_id, stream_revision, global_position FROM inserted ORDER BY global_position DESC LIMIT 1)
  ${POSITIONS}`;

/**
 * Inserts chained events (any number of streams) and, when given, the idempotency record. Data and
 * metadata go in as the canonical JSON they were hashed from, serialised once. Answers one row,
 * `{ positions }`: read it with `positionsOf`.
 */
export function appendStatement(events: SerialisedEvent[], idempotency?: IdempotencyRecord): QueryConfig {
  // Named: each pooled connection parses and plans the statement once.
  if (events.length === 1 && !idempotency) {
    const { event: e, dataJson, metadataJson } = events[0]!;
    return {
      name: 'event_store_append_one',
      text: APPEND_ONE,
      values: [
        e.eventId,
        e.streamId,
        e.streamRevision,
        e.type,
        e.occurredAt,
        e.recordedAt,
        dataJson,
        metadataJson,
        e.hash,
        e.prevHash,
      ],
    };
  }
  const values: unknown[] = [
    events.length,
    plainArray(events.map(({ event }) => event.eventId)),
    events.map(({ event }) => event.streamId),
    plainArray(events.map(({ event }) => event.streamRevision)),
    events.map(({ event }) => event.type),
    plainArray(events.map(({ event }) => event.occurredAt)),
    plainArray(events.map(({ event }) => event.recordedAt)),
    jsonArray(events.map(({ dataJson }) => dataJson)),
    jsonArray(events.map(({ metadataJson }) => metadataJson)),
    plainArray(events.map(({ event }) => event.hash)),
    plainArray(events.map(({ event }) => event.prevHash)),
  ];
  if (!idempotency) return { name: 'event_store_append', text: APPEND, values };
  values.push(idempotency.key, idempotency.requestHash, JSON.stringify(idempotency.answer));
  return { name: 'event_store_append_idempotent', text: APPEND_WITH_IDEMPOTENCY, values };
}

/**
 * An array literal of values that need no quoting: UUIDs, revisions, ISO-8601 instants and hex
 * hashes, whose formats normaliseAppends and the chain fix (no comma, brace, quote, backslash or
 * space). pg would quote and escape each element; stream ids and types, which may hold anything,
 * still go through pg.
 */
const plainArray = (values: (string | number)[]) => `{${values.join(',')}}`;

/** Canonical JSON texts as the elements of one JSON array, written as they are. */
const jsonArray = (texts: string[]) => `[${texts.join(',')}]`;

/** The global positions an append statement answered, the n-th for its n-th event: "{101,102}" → [101, 102]. */
export function positionsOf(rows: { positions: string }[], count: number): number[] {
  const text = rows[0]?.positions;
  const positions = text === undefined || text.length < 3 ? [] : text.slice(1, -1).split(',').map(Number);
  if (positions.length !== count)
    throw new Error(`event_store: an append of ${count} events answered ${positions.length} positions`);
  return positions;
}

/**
 * The idempotency record alone, for a call whose events were all in the log already. A key already
 * taken is an answer, not an error: no row goes in (rowCount 0). An error would cost the
 * connection, as pg-pool destroys the client of a pool.query that failed.
 */
export function idempotencyStatement(
  idempotency: IdempotencyRecord,
  at: { streamId: string; revision: number; globalPosition: number } | null,
): QueryConfig {
  return {
    text: `INSERT INTO event_store.idempotency_keys (key, request_hash, answer, stream_id, revision, global_position)
           VALUES ($1, $2, $3::jsonb, $4, $5, $6)
           ON CONFLICT (key) DO NOTHING`,
    values: [
      idempotency.key,
      idempotency.requestHash,
      JSON.stringify(idempotency.answer),
      at?.streamId ?? null,
      at?.revision ?? null,
      at?.globalPosition ?? null,
    ],
  };
}
