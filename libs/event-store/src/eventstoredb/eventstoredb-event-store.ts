import { EventStoreDBClient } from '@eventstore/db-client';
import {
  factsOf,
  type AppendOptions,
  type AppendResult,
  type EventFacts,
  type EventStore,
  type IdempotencyRecord,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
} from '../event-store.port.js';
import { WrongExpectedRevision } from '../errors.js';
import { StreamHeadCache } from '../shared/stream-head-cache.js';
import { normaliseAppends, systemClock, type Clock } from '../shared/validate-new-events.js';
import { appendToOneStream } from './esdb-append.js';
import { readEventsByClaims } from './esdb-event-ids.js';
import { claimKey, completeKey, readKey, releaseKey, type StoredIdempotency } from './esdb-idempotency.js';
import { headPositionOf, readAllEvents, readStreamEvents } from './esdb-reads.js';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://127.0.0.1:2113?tls=false`. */
  connectionString: string;
  clock?: Clock;
  headCacheSize?: number;
}

/**
 * The log in EventStoreDB (24.10). Same contract as PostgreSQL, with these differences, each a
 * limit of ESDB 24.10 rather than a choice:
 * - appendToStreams appends stream after stream. Every expectation is checked before the first
 *   write, so a plain wrong expectation stores nothing; a conflict that appears between the check
 *   and the write of a later stream leaves the earlier streams written.
 * - idempotency records and the global event-id claims are separate streams (esdb-idempotency.ts,
 *   esdb-event-ids.ts), written around the append, not atomically with it.
 * - readEventsByCase scans `$all` (no secondary index in ESDB without a server-side projection).
 * Verified only by type-checking here; the contract suite runs it when EVENTSTOREDB_URL is set.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly cache: StreamHeadCache;
  private readonly clock: Clock;
  private readonly closing = new AbortController();

  constructor(options: EventStoreDbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.cache = new StreamHeadCache(options.headCacheSize);
    this.clock = options.clock ?? systemClock;
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const [result] = await this.appendToStreams(
      [{ streamId, events, expectedRevision: options.expectedRevision }],
      { idempotency: options.idempotency },
    );
    return result!;
  }

  async appendToStreams(
    appends: StreamAppend[],
    options: { idempotency?: IdempotencyRecord } = {},
  ): Promise<AppendResult[]> {
    const normalised = normaliseAppends(appends);
    const recordedAt = this.clock().toISOString();
    if (normalised.length > 1) await this.checkExpectations(normalised);
    const { idempotency } = options;
    const claim = idempotency ? await claimKey(this.client, idempotency) : null;
    try {
      const results: AppendResult[] = [];
      for (const append of normalised)
        results.push(await appendToOneStream(this.client, this.cache, append, recordedAt));
      if (idempotency && claim !== null) {
        const last = results.flatMap((r) => r.events).at(-1);
        await completeKey(
          this.client,
          idempotency.key,
          claim,
          last
            ? { streamId: last.streamId, revision: last.streamRevision, globalPosition: last.globalPosition }
            : null,
        );
      }
      return results;
    } catch (error) {
      if (idempotency && claim !== null)
        await releaseKey(this.client, idempotency.key, claim).catch(() => undefined);
      throw error;
    }
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const events = await readStreamEvents(this.client, streamId, options);
    const newest = options?.direction === 'backwards' ? events[0] : events.at(-1);
    if (newest) this.cache.remember(streamId, { revision: newest.streamRevision, hash: newest.hash });
    return events;
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return readAllEvents(this.client, options);
  }

  /** EventStoreDB sends whole events: the facts are taken from them here. */
  async readAllFacts(options?: ReadAllOptions): Promise<EventFacts[]> {
    return (await readAllEvents(this.client, options)).map(factsOf);
  }

  headPosition(): Promise<number> {
    return headPositionOf(this.client);
  }

  /** ESDB has no count: reads forward from `after`, at most `limit` events. */
  async countEvents(range: { after: number; upTo: number; limit: number }): Promise<number> {
    const events = await readAllEvents(this.client, { after: range.after, maxCount: range.limit });
    return events.filter((event) => event.globalPosition <= range.upTo).length;
  }

  async readEventsByCase(caseId: string): Promise<RecordedEvent[]> {
    const all = await readAllEvents(this.client);
    return all.filter((event) => (event.data as { caseId?: unknown } | null)?.caseId === caseId);
  }

  readEventsById(eventIds: string[]): Promise<RecordedEvent[]> {
    return readEventsByClaims(this.client, eventIds, (streamId) => readStreamEvents(this.client, streamId));
  }

  readIdempotency(key: string): Promise<StoredIdempotency | null> {
    return readKey(this.client, key);
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    await this.client.dispose();
  }

  /** Refuses the whole call up front when an expectation already fails (no stream written). */
  private async checkExpectations(appends: StreamAppend[]): Promise<void> {
    for (const { streamId, expectedRevision: expected } of appends) {
      if (expected === 'any' || expected === 'no_stream') continue; // no_stream may be a repeat: ESDB decides
      const [last] = await readStreamEvents(this.client, streamId, { direction: 'backwards', maxCount: 1 });
      if (!last) throw new WrongExpectedRevision(streamId, expected, 'no_stream');
      if (typeof expected === 'number' && last.streamRevision < expected)
        throw new WrongExpectedRevision(streamId, expected, last.streamRevision);
    }
  }
}
