import type { ClientConfig, Pool } from 'pg';
import type {
  AppendOptions,
  AppendResult,
  EventFacts,
  EventStore,
  IdempotencyRecord,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
} from '../event-store.port.js';
import { systemClock, normaliseAppends, type Clock } from '../shared/validate-new-events.js';
import { StreamHeadCache } from '../shared/stream-head-cache.js';
import { inUtc, withApplicationRole } from './connection-options.js';
import { withTimeouts, type DatabaseTimeouts } from '../faults/connection-timeouts.js';
import { openPool } from '../faults/open-pool.js';
import { EVENT_ROW_TYPES } from './event-rows.js';
import { appendAtomically } from './postgres-append.js';
import * as reads from './read-queries.js';
import { StreamReadBatcher } from './stream-read-batcher.js';

export interface PostgresEventStoreOptions {
  /** Where to connect (connectionString, or host/port/user/…). */
  connection: ClientConfig;
  /** Connections in the pool. Default 10. */
  poolSize?: number;
  /** Role every connection works as; null keeps the login user's rights (migrations, tests). */
  role?: string | null;
  /** The store's clock for recordedAt. Default: the system clock. */
  clock?: Clock;
  /** Streams whose last (revision, hash) is kept for one-round-trip appends. Default 10 000. */
  headCacheSize?: number;
  /** Errors nobody awaits (an idle client lost). Default: console.warn. */
  onBackgroundError?: (error: unknown) => void;
  /** Connect and statement timeouts of every connection (DB_CONNECT_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS). */
  timeouts?: DatabaseTimeouts;
}

/** The log in PostgreSQL (schema `event_store`, created by `migrateEventStore`). */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly cache: StreamHeadCache;
  private readonly wholeStreams: StreamReadBatcher;
  private readonly clock: Clock;
  private readonly closing = new AbortController();

  constructor(options: PostgresEventStoreOptions) {
    const onBackgroundError = options.onBackgroundError ?? ((error) => console.warn('event store:', error));
    const config = withTimeouts(withApplicationRole(options.connection, options.role), options.timeouts);
    // An idle client died; the pool replaces it. Once closing, not news: pool.end() resolves before
    // its clients' sockets have closed, so a server stopped right after close() still reaches them.
    this.pool = openPool(
      { ...inUtc(config), types: EVENT_ROW_TYPES, max: options.poolSize ?? 10 },
      (error) => {
        if (!this.closing.signal.aborted) onBackgroundError(error);
      },
    );
    this.cache = new StreamHeadCache(options.headCacheSize);
    this.wholeStreams = new StreamReadBatcher(this.pool);
    this.clock = options.clock ?? systemClock;
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const [result] = await this.append(
      [{ streamId, events, expectedRevision: options.expectedRevision }],
      options.idempotency,
    );
    return result!;
  }

  appendToStreams(
    appends: StreamAppend[],
    options: { idempotency?: IdempotencyRecord } = {},
  ): Promise<AppendResult[]> {
    return this.append(appends, options.idempotency);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const whole =
      (options?.direction ?? 'forwards') === 'forwards' &&
      !options?.fromRevision &&
      options?.maxCount === undefined;
    const events = whole
      ? await this.wholeStreams.read(streamId)
      : await reads.readStreamRows(this.pool, streamId, options);
    const newest = options?.direction === 'backwards' ? events[0] : events.at(-1);
    if (newest) this.cache.remember(streamId, { revision: newest.streamRevision, hash: newest.hash });
    return events;
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return reads.readAllRows(this.pool, options);
  }

  readAllFacts(options?: ReadAllOptions): Promise<EventFacts[]> {
    return reads.readAllFactRows(this.pool, options);
  }

  headPosition(): Promise<number> {
    return reads.headPosition(this.pool);
  }

  countEvents(range: { after: number; upTo: number; limit: number }): Promise<number> {
    return reads.countEventsRows(this.pool, range);
  }

  readEventsByCase(caseId: string): Promise<RecordedEvent[]> {
    return reads.readEventsByCaseRows(this.pool, caseId);
  }

  readEventsById(eventIds: string[]): Promise<RecordedEvent[]> {
    return reads.readEventsByIdRows(this.pool, eventIds);
  }

  readIdempotency(key: string): Promise<reads.StoredIdempotency | null> {
    return reads.readIdempotencyRow(this.pool, key);
  }

  /** Ends the pool; later calls are no-ops. */
  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    await this.pool.end();
  }

  private async append(appends: StreamAppend[], idempotency?: IdempotencyRecord): Promise<AppendResult[]> {
    // Millisecond precision, as SPEC §3 writes timestamps; one instant for the whole call.
    const recordedAt = this.clock().toISOString();
    return appendAtomically(this.pool, this.cache, normaliseAppends(appends), recordedAt, idempotency);
  }
}
