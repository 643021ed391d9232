import {
  jsonEvent,
  type EventData,
  type JSONType,
  type ResolvedEvent,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '../event-store.port.js';
import type { ChainedEvent } from '../shared/chain-events.js';

/**
 * EventStoreDB keeps id, type, stream, revision, data and metadata of an event. The rest of the
 * envelope (SPEC §3, §7) rides in the metadata under one key beside ours, and the envelope is
 * rebuilt on read. `$correlationId`/`$causationId` are ESDB's own conventions (its system projection
 * `$by_correlation_id` reads them); they are derived from ours and dropped again on read.
 */
const ENVELOPE_KEY = 'caseledgerEnvelope';

interface EnvelopeExtras {
  occurredAt: string;
  recordedAt: string;
  hash: string;
  prevHash: string;
}

type StoredMetadata = EventMetadata & {
  [ENVELOPE_KEY]: EnvelopeExtras;
  $correlationId?: string;
  $causationId?: string;
};

export function toEventData(event: ChainedEvent): EventData {
  const metadata: StoredMetadata = {
    ...event.metadata,
    $correlationId: event.metadata.correlationId,
    $causationId: event.metadata.causationId,
    [ENVELOPE_KEY]: {
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      hash: event.hash,
      prevHash: event.prevHash,
    },
  };
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data as JSONType,
    metadata: metadata as unknown as JSONType,
  });
}

/**
 * `globalPosition` is the commit position in `$all`. Since EventStoreDB 20 every event of an append
 * is its own implicit commit (commit = prepare position), so it is unique and increasing in `$all`
 * order. It is a JS number: exact up to 2^53 bytes of transaction file (9 PB), far beyond a
 * database this application would use; a larger one is refused rather than rounded.
 */
export function fromResolvedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | null {
  const event = resolved.event;
  if (!event || !event.isJson) return null;
  const stored = event.metadata as unknown as StoredMetadata | undefined;
  const extras = stored?.[ENVELOPE_KEY];
  if (!stored || !extras) return null; // not written by this adapter
  const { [ENVELOPE_KEY]: _extras, $correlationId: _c, $causationId: _k, ...metadata } = stored;
  return {
    eventId: event.id,
    type: event.type,
    streamId: event.streamId,
    streamRevision: Number(event.revision),
    globalPosition: toPositionNumber(event.position?.commit),
    occurredAt: extras.occurredAt,
    recordedAt: extras.recordedAt,
    data: event.data,
    metadata,
    hash: extras.hash,
    prevHash: extras.prevHash,
  };
}

export function toPositionNumber(commit: bigint | undefined): number {
  if (commit === undefined)
    throw new Error('EventStoreDB did not report the event position (needs version 22.6 or later)');
  if (commit > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`$all position ${commit} exceeds 2^53`);
  return Number(commit);
}

/** Adapter bookkeeping events have `$`-types: `excludeSystemEvents()` keeps them out of every `$all` read. */
export const isUserEvent = (resolved: AllStreamResolvedEvent): boolean =>
  !!resolved.event && !resolved.event.type.startsWith('$') && !resolved.event.streamId.startsWith('$');
