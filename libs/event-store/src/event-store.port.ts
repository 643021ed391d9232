/**
 * The log, as every adapter (PostgreSQL, EventStoreDB) offers it. Semantics follow EventStoreDB's
 * clients: named expected revisions, idempotent appends by event id, `$all` positions, catch-up
 * subscriptions. One contract suite (libs/event-store/test/contract) holds every adapter to it.
 */

/** `any`: no check. `no_stream`: the stream must not exist. `stream_exists`: it must. n: its last revision is n. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** Envelope metadata of SPEC §3. */
export interface EventMetadata {
  actorId: string;
  actorRoles: string[];
  correlationId: string;
  causationId: string;
  idempotencyKey?: string;
  standardsVersion: number;
  schemaVersion: number;
}

/** An event as a writer hands it over: the store adds revision, position, recordedAt and the hash chain. */
export interface NewEvent<Data = unknown> {
  eventId: string;
  type: string;
  /** Business time, ISO-8601 UTC with exactly three fractional digits. */
  occurredAt: string;
  data: Data;
  metadata: EventMetadata;
}

/** The envelope of SPEC §3, as stored. */
export interface RecordedEvent<Data = unknown> {
  eventId: string;
  type: string;
  streamId: string;
  /** 0-based. */
  streamRevision: number;
  /** Strictly increasing in commit order as readers see it; gaps are normal. */
  globalPosition: number;
  occurredAt: string;
  /** The store's clock at append, ISO-8601 UTC with three fractional digits. */
  recordedAt: string;
  data: Data;
  metadata: EventMetadata;
  /** SHA-256(prevHash ‖ canonical JSON), 64 lower-case hex (SPEC §7). */
  hash: string;
  /** Hash of the previous event of the stream; 64 zeros for revision 0. */
  prevHash: string;
}

/**
 * An event as read models need it: the envelope without its metadata and hash chain, but with the
 * metadata's `schemaVersion`, the shape `data` has (readers upcast by it). Reading these costs the
 * store and the reader about a third less than whole events (a projector's batch skips the
 * metadata's JSON and 128 characters of hashes per event).
 */
export type EventFacts<Data = unknown> = Omit<RecordedEvent<Data>, 'metadata' | 'hash' | 'prevHash'> & {
  schemaVersion: number;
};

/** The facts of a whole event (what `readAllFacts` gives for it). */
export function factsOf<Data>(event: RecordedEvent<Data>): EventFacts<Data> {
  const { metadata, hash: _hash, prevHash: _prevHash, ...facts } = event;
  return { ...facts, schemaVersion: metadata.schemaVersion };
}

/**
 * What a command answered the first time it ran under an `Idempotency-Key`. Stored in the same
 * transaction as the events it appended, so a retried request finds either both or neither.
 */
export interface IdempotencyRecord {
  /** Scoped by the caller (e.g. `${actorId}:${key}`). */
  key: string;
  /** SHA-256 of the request (method, path, body) that used the key first. */
  requestHash: string;
  /** The answer to replay (status and body). `streamId`, `revision` and `globalPosition` are filled in by the store. */
  answer: { status: number; body: Record<string, unknown> };
}

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
  idempotency?: IdempotencyRecord;
}

export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  streamId: string;
  /** The stream's last revision after the append (-1 when an empty append hit a missing stream). */
  nextExpectedRevision: number;
  /** Global position of the last event appended (or already there, for an idempotent repeat). */
  globalPosition: number;
  /** The events now in the stream for this append, in order (recorded envelopes). */
  events: RecordedEvent[];
  /**
   * Ids of `events` that another call had logged (an earlier one, or a racing one that committed
   * first): this call left them as they were and appended the rest. Empty for a first write;
   * every id for a whole repeat.
   */
  alreadyLogged: string[];
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Default: 0 forwards, the last revision backwards. */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events with a greater position. Default 0 (from the start). */
  after?: number;
  maxCount?: number;
}

/**
 * Events one append call may carry, over all its streams: positions are numbered per transaction
 * (see the PostgreSQL migration "positions from transaction ids"). More is refused with
 * `AppendTooLarge` before anything is written; split the work into several appends.
 */
export const MAX_EVENTS_PER_APPEND = 4096;

export interface EventStore {
  /**
   * Appends atomically to one stream. Throws `WrongExpectedRevision` when the expectation fails.
   * Idempotent by event id: events already in this stream at the same place are a successful no-op.
   */
  appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /**
   * Appends to several streams, each with its own expectation, in one transaction where the store
   * has them (PostgreSQL); the EventStoreDB adapter appends them one after another, in order.
   */
  appendToStreams(
    appends: StreamAppend[],
    options?: { idempotency?: IdempotencyRecord },
  ): Promise<AppendResult[]>;
  /** Events of one stream; `[]` for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of every stream in global order, only those no later reader could see appear below them. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** `readAll` without metadata and hash chain: the same events, positions and hold-back, read for projections. */
  readAllFacts(options?: ReadAllOptions): Promise<EventFacts[]>;
  /**
   * The highest global position committed so far (0 for an empty log). Positions only grow; they
   * are not consecutive (count events with `countEvents`).
   */
  headPosition(): Promise<number>;
  /** How many events lie in (after, upTo], counting no further than `limit`: a lag for /health. */
  countEvents(range: { after: number; upTo: number; limit: number }): Promise<number>;
  /**
   * Events of any stream whose `data.caseId` is `caseId`, in global order: the case's own events,
   * and the goodwill grants and refunds recorded in other streams that name it (case history).
   */
  readEventsByCase(caseId: string): Promise<RecordedEvent[]>;
  /** Events whose ids are given, wherever they are (for `POST /order-events` duplicates and replays). */
  readEventsById(eventIds: string[]): Promise<RecordedEvent[]>;
  /** The idempotency record stored under `key`, or null. */
  readIdempotency(key: string): Promise<
    | (IdempotencyRecord & {
        streamId: string | null;
        revision: number | null;
        globalPosition: number | null;
      })
    | null
  >;
  close(): Promise<void>;
}
