import type { ExpectedRevision, NewEvent, RecordedEvent, StreamAppend } from '../event-store.port.js';
import { DuplicateEventId, WrongExpectedRevision } from '../errors.js';
import type { StreamHead } from '../shared/chain-events.js';
import type { StreamLookup } from './stream-lookup.js';

/**
 * The decisions of an append, free of I/O so they read (and are tested) on their own. Semantics
 * follow EventStoreDB: an expected revision is checked by the unique key (stream_id,
 * stream_revision); events whose ids are already where this append would put them make it a
 * successful no-op; an id anywhere else is a DuplicateEventId.
 */

/** Ready to write: `toAppend` goes after `head`; `present` were logged by an earlier, identical call. */
export interface StreamWrite {
  streamId: string;
  head: StreamHead | null;
  toAppend: NewEvent[];
  present: RecordedEvent[];
  /** The stream's last event as read, for the answer to an empty append. */
  lastRead: RecordedEvent | null;
}

export type Preparation = { kind: 'write'; write: StreamWrite } | { kind: 'check' };
export type Resolution = { kind: 'settled'; present: RecordedEvent[] } | { kind: 'retry' };

const namesNoRevision = (expected: ExpectedRevision): expected is 'any' | 'stream_exists' =>
  expected === 'any' || expected === 'stream_exists';

/**
 * What must be read before writing: the head unless the cache has the exact revision. For 'any' /
 * 'stream_exists' the ids too, but only once a write has conflicted: callers that repeat events
 * (redelivery) are rare next to those that do not, and a repeated id still cannot slip in — its
 * unique key refuses the insert, and the next attempt reads the ids and skips what is there.
 */
export function lookupNeeds(
  append: StreamAppend,
  cached: StreamHead | undefined,
  conflicted = false,
): { head: boolean; ids: boolean } {
  if (namesNoRevision(append.expectedRevision)) return { head: true, ids: conflicted };
  if (append.events.length === 0) return { head: true, ids: false };
  if (append.expectedRevision === 'no_stream') return { head: false, ids: false };
  return { head: cached?.revision !== append.expectedRevision, ids: false };
}

/**
 * Decides the write from the cache and what was read. 'check' means the expectation looks violated:
 * it may still be an idempotent repeat, which `resolveConflict` tells apart with the ids.
 */
export function prepareWrite(
  append: StreamAppend,
  cached: StreamHead | undefined,
  lookup: StreamLookup,
): Preparation {
  const { streamId, expectedRevision: expected, events } = append;
  const last = lookup.heads.get(streamId) ?? null;
  const lastHead = last && { revision: last.streamRevision, hash: last.hash };
  if (events.length === 0) {
    if (!expectationHolds(expected, last))
      throw new WrongExpectedRevision(streamId, expected, last?.streamRevision ?? 'no_stream');
    return { kind: 'write', write: { streamId, head: lastHead, toAppend: [], present: [], lastRead: last } };
  }
  if (expected === 'no_stream') {
    return last
      ? { kind: 'check' }
      : { kind: 'write', write: { streamId, head: null, toAppend: events, present: [], lastRead: null } };
  }
  if (typeof expected === 'number') {
    const head = cached?.revision === expected ? cached : lastHead?.revision === expected ? lastHead : null;
    return head
      ? { kind: 'write', write: { streamId, head, toAppend: events, present: [], lastRead: last } }
      : { kind: 'check' };
  }
  if (expected === 'stream_exists' && !last) throw new WrongExpectedRevision(streamId, expected, 'no_stream');
  // 'any' / 'stream_exists': ids already in this stream are skipped, the rest appended after the head.
  // Upstream order ingest relies on this: a redelivered batch that partly landed completes the rest.
  const present: RecordedEvent[] = [];
  const toAppend: NewEvent[] = [];
  for (const event of events) {
    const logged = lookup.known.get(event.eventId);
    if (logged && logged.streamId !== streamId) throw new DuplicateEventId(event.eventId, streamId);
    if (logged) present.push(logged);
    else toAppend.push(event);
  }
  return { kind: 'write', write: { streamId, head: lastHead, toAppend, present, lastRead: last } };
}

/**
 * After a unique-key conflict (or a 'check'), with the stream's head and every id of the append
 * read again: a no-op when the ids are where this append would have put them, a typed error when
 * the caller's expectation fails, otherwise 'retry' (only reachable when the caller named no
 * revision, or when the conflict came from another stream of the same call).
 */
export function resolveConflict(append: StreamAppend, lookup: StreamLookup): Resolution {
  const { streamId, expectedRevision: expected, events } = append;
  const present: RecordedEvent[] = [];
  for (const event of events) {
    const logged = lookup.known.get(event.eventId);
    if (logged && logged.streamId !== streamId) throw new DuplicateEventId(event.eventId, streamId);
    if (logged) present.push(logged);
  }
  const last = lookup.heads.get(streamId) ?? null;
  if (namesNoRevision(expected)) {
    if (present.length === events.length) return { kind: 'settled', present };
    if (expected === 'stream_exists' && !last)
      throw new WrongExpectedRevision(streamId, expected, 'no_stream');
    return { kind: 'retry' };
  }
  const first = expected === 'no_stream' ? 0 : expected + 1;
  const inPlace =
    present.length === events.length &&
    present.every((event, index) => event.streamRevision === first + index);
  if (inPlace) return { kind: 'settled', present };
  if (!expectationHolds(expected, last))
    throw new WrongExpectedRevision(streamId, expected, last?.streamRevision ?? 'no_stream');
  const misplaced = present[0];
  if (misplaced) throw new DuplicateEventId(misplaced.eventId, streamId);
  return { kind: 'retry' };
}

function expectationHolds(expected: ExpectedRevision, last: RecordedEvent | null): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return last === null;
  if (expected === 'stream_exists') return last !== null;
  return last?.streamRevision === expected;
}
