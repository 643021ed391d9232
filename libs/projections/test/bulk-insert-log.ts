import type { Pool } from 'pg';
import { MAX_EVENTS_PER_APPEND } from '#event-store';
import type { GeneratedEvent } from './generated-log.js';

const ZERO_HASH = '0'.repeat(64);

/**
 * Writes a generated log straight into event_store.events, many rows per statement. The hash chain
 * is not computed (zeros): projections never verify it, and the bench measures projections, not
 * appends. Only for throwaway databases: /audit/verify would report these streams as broken.
 */
export async function bulkInsertLog(
  pool: Pool,
  events: Iterable<GeneratedEvent>,
  options: { chunk?: number; recordedAt?: string } = {},
): Promise<number> {
  // Positions are numbered per transaction (reserve_positions), at most MAX_EVENTS_PER_APPEND each.
  const chunkSize = Math.min(options.chunk ?? MAX_EVENTS_PER_APPEND, MAX_EVENTS_PER_APPEND);
  const recordedAt = options.recordedAt ?? new Date().toISOString();
  let chunk: object[] = [];
  let count = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    await pool.query(
      `WITH reserved AS MATERIALIZED (SELECT * FROM event_store.reserve_positions($3))
       INSERT INTO event_store.events
         (global_position, transaction_id, event_id, stream_id, stream_revision, type, occurred_at, recorded_at, data, metadata, hash, prev_hash)
       SELECT p.positions[r.ord], p.transaction_id, event_id, stream_id, stream_revision, type, occurred_at, recorded_at, data, metadata, $2, $2
       FROM json_to_recordset($1::json) AS r(ord int, event_id uuid, stream_id text, stream_revision bigint, type text, occurred_at timestamptz,
         recorded_at timestamptz, data jsonb, metadata jsonb) CROSS JOIN reserved p`,
      [JSON.stringify(chunk), ZERO_HASH, chunk.length],
    );
    count += chunk.length;
    chunk = [];
  };
  for (const g of events) {
    const e = g.event;
    chunk.push({
      ord: chunk.length + 1,
      event_id: e.eventId,
      stream_id: g.streamId,
      stream_revision: g.streamRevision,
      type: e.type,
      occurred_at: e.occurredAt,
      recorded_at: recordedAt,
      data: e.data,
      metadata: e.metadata,
    });
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
  return count;
}
