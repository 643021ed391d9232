import { STREAMS_PER_STATEMENT } from '#config';
import type { Pool } from 'pg';
import type { RecordedEvent } from '../event-store.port.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-rows.js';
import { readStreamRows } from './read-queries.js';

interface Waiter {
  resolve(events: RecordedEvent[]): void;
  reject(error: unknown): void;
}

/**
 * Whole streams asked for in the same tick are read with one statement: a command reads its
 * actor's staff record and the standards together, and concurrent commands read at once. Every
 * round trip costs this process a socket write and a wake-up (a fifth of a busy API's CPU was
 * `writev`), so fewer statements is more commands per second. Each stream is read whole from one
 * snapshot, as a statement of its own would read it.
 */
export class StreamReadBatcher {
  private pending: Map<string, Waiter[]> | null = null;

  constructor(private readonly pool: Pool) {}

  read(streamId: string): Promise<RecordedEvent[]> {
    if (this.pending === null) {
      this.pending = new Map();
      process.nextTick(() => this.flush());
    }
    let waiters = this.pending.get(streamId);
    if (!waiters) this.pending.set(streamId, (waiters = []));
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  }

  private flush(): void {
    const batch = [...this.pending!.entries()];
    this.pending = null;
    for (let i = 0; i < batch.length; i += STREAMS_PER_STATEMENT)
      void this.readTogether(batch.slice(i, i + STREAMS_PER_STATEMENT));
  }

  private async readTogether(batch: Array<[string, Waiter[]]>): Promise<void> {
    try {
      const ids = batch.map(([id]) => id);
      // One stream alone keeps the statement it always had (and its plan).
      const byStream =
        ids.length === 1
          ? new Map([[ids[0]!, await readStreamRows(this.pool, ids[0]!)]])
          : await readStreamsRows(this.pool, ids);
      for (const [streamId, waiters] of batch) {
        const events = byStream.get(streamId) ?? [];
        waiters.forEach((waiter, i) => waiter.resolve(i === 0 ? events : [...events]));
      }
    } catch (error) {
      for (const [, waiters] of batch) waiters.forEach((waiter) => waiter.reject(error));
    }
  }
}

/** Several whole streams, each in revision order, served by the (stream_id, stream_revision) key. */
async function readStreamsRows(pool: Pool, streamIds: string[]): Promise<Map<string, RecordedEvent[]>> {
  const { rows } = await pool.query<EventRow>({
    name: 'event_store_read_streams',
    text: `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_revision`,
    values: [streamIds],
  });
  const byStream = new Map<string, RecordedEvent[]>();
  for (const row of rows) {
    const event = toRecordedEvent(row);
    const events = byStream.get(event.streamId);
    if (events) events.push(event);
    else byStream.set(event.streamId, [event]);
  }
  return byStream;
}
