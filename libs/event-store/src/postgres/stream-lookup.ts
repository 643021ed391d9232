import type { Pool } from 'pg';
import type { RecordedEvent } from '../event-store.port.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-rows.js';

/** What an append needs to know before (or after failing) to write: heads and ids already logged. */
export interface StreamLookup {
  /** Last event of each stream asked for; absent key = stream has no events. */
  heads: Map<string, RecordedEvent>;
  /** Events whose ids were asked for, wherever they are. */
  known: Map<string, RecordedEvent>;
}

/** One round trip for both: the last event per stream (index scan backwards) and the ids. */
export async function lookupStreams(
  pool: Pool,
  streamIds: string[],
  eventIds: string[],
): Promise<StreamLookup> {
  const heads = new Map<string, RecordedEvent>();
  const known = new Map<string, RecordedEvent>();
  if (streamIds.length === 0 && eventIds.length === 0) return { heads, known };
  const { rows } = await pool.query<EventRow & { kind: 'head' | 'known' }>({
    name: 'event_store_lookup',
    text: `SELECT 'head' AS kind, h.* FROM unnest($1::text[]) AS s(id)
             CROSS JOIN LATERAL (SELECT ${EVENT_COLUMNS} FROM event_store.events e
                                 WHERE e.stream_id = s.id ORDER BY e.stream_revision DESC LIMIT 1) h
           UNION ALL
           SELECT 'known' AS kind, ${EVENT_COLUMNS} FROM event_store.events WHERE event_id = ANY($2::uuid[])`,
    values: [streamIds, eventIds],
  });
  for (const row of rows) {
    const event = toRecordedEvent(row);
    if (row.kind === 'head') heads.set(event.streamId, event);
    else known.set(event.eventId, event);
  }
  return { heads, known };
}
