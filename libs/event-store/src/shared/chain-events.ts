import type { NewEvent, RecordedEvent } from '../event-store.port.js';
import { eventHash, GENESIS_HASH } from '../hash-chain/event-hash.js';

/** The last event of a stream as far as chaining needs it; null when the stream has no events. */
export interface StreamHead {
  revision: number;
  hash: string;
}

/** A recorded event before the store has given it a global position. */
export type ChainedEvent = Omit<RecordedEvent, 'globalPosition'>;

/** Gives `events` the revisions after `head` and links each to the one before it (SPEC §7). */
export function chainEvents(streamId: string, head: StreamHead | null, events: NewEvent[], recordedAt: string): ChainedEvent[] {
  let prevHash = head?.hash ?? GENESIS_HASH;
  let revision = head ? head.revision : -1;
  return events.map((event) => {
    revision += 1;
    const envelope = {
      eventId: event.eventId,
      type: event.type,
      streamId,
      streamRevision: revision,
      occurredAt: event.occurredAt,
      recordedAt,
      data: event.data,
      metadata: event.metadata,
    };
    const chained = { ...envelope, hash: eventHash(prevHash, envelope), prevHash };
    prevHash = chained.hash;
    return chained;
  });
}
