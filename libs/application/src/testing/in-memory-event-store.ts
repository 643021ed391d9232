// The event store port in memory, for the application layer's unit tests only (the pipeline's own
// logic: idempotency, retries, the environment a command is judged in). It keeps the port's
// contract where the pipeline depends on it — expected revisions checked per stream, all appends of
// a call or none, an idempotency key recorded with the events and taken only once — and nothing else.
// The real adapters are held to the whole contract by libs/event-store/test/contract.
import {
  IdempotencyKeyTaken,
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type IdempotencyRecord,
  type NewEvent,
  type RecordedEvent,
  type StreamAppend,
} from '#event-store';

type StoredIdempotency = IdempotencyRecord & {
  streamId: string | null;
  revision: number | null;
  globalPosition: number | null;
};

export class InMemoryEventStore implements Pick<
  EventStore,
  'appendToStream' | 'appendToStreams' | 'readStream' | 'readIdempotency' | 'headPosition'
> {
  readonly log: RecordedEvent[] = [];
  private readonly keys = new Map<string, StoredIdempotency>();
  /** Calls of appendToStream/appendToStreams, refused or not. */
  appendCalls = 0;
  /** Runs before each append is checked: a test's way to let "another writer" in first. */
  beforeAppend: (() => void) | undefined;

  /** Appends as another writer would, outside the pipeline. */
  seed(streamId: string, events: { type: string; data: unknown; occurredAt: string }[]): void {
    for (const e of events)
      this.record(streamId, { ...e, eventId: `seed-${this.log.length + 1}`, metadata: SEED_METADATA });
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
    this.appendCalls++;
    this.beforeAppend?.();
    for (const a of appends) this.check(a.streamId, a.expectedRevision);
    if (options.idempotency && this.keys.has(options.idempotency.key))
      throw new IdempotencyKeyTaken(options.idempotency.key);
    const results = appends.map((a) => {
      const recorded = a.events.map((e) => this.record(a.streamId, e));
      const last = recorded.at(-1)!;
      return {
        streamId: a.streamId,
        nextExpectedRevision: last.streamRevision,
        globalPosition: last.globalPosition,
        events: recorded,
      } as AppendResult;
    });
    if (options.idempotency) {
      const last = results.at(-1)!;
      this.keys.set(options.idempotency.key, {
        ...options.idempotency,
        streamId: last.streamId,
        revision: last.nextExpectedRevision,
        globalPosition: last.globalPosition,
      });
    }
    return results;
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.log.filter((e) => e.streamId === streamId);
  }

  async readIdempotency(key: string): Promise<StoredIdempotency | null> {
    return this.keys.get(key) ?? null;
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }

  /** Only the methods above exist; the pipeline must not need another. */
  asEventStore(): EventStore {
    return this as unknown as EventStore;
  }

  private revisionOf(streamId: string): number {
    return this.log.filter((e) => e.streamId === streamId).length - 1;
  }

  private check(streamId: string, expected: ExpectedRevision): void {
    const actual = this.revisionOf(streamId);
    const ok =
      expected === 'any' ||
      (expected === 'no_stream'
        ? actual < 0
        : expected === 'stream_exists'
          ? actual >= 0
          : actual === expected);
    if (!ok) throw new WrongExpectedRevision(streamId, expected, actual < 0 ? 'no_stream' : actual);
  }

  private record(streamId: string, e: NewEvent): RecordedEvent {
    const event: RecordedEvent = {
      ...e,
      streamId,
      streamRevision: this.revisionOf(streamId) + 1,
      globalPosition: this.log.length + 1,
      recordedAt: e.occurredAt,
      hash: '',
      prevHash: '',
    };
    this.log.push(event);
    return event;
  }
}

const SEED_METADATA = {
  actorId: 'seed',
  actorRoles: ['supervisor'],
  correlationId: 'seed',
  causationId: 'seed',
  standardsVersion: 0,
  schemaVersion: 1,
};
