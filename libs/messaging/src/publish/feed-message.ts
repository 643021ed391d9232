import type { Message } from 'kafkajs';
import type { RecordedEvent } from '#event-store';

/**
 * One event of the log as `caseledger.events` carries it (SPEC §5): keyed by stream, so a stream's
 * events share a partition and keep their order; the value is the §3 envelope, fields in the
 * spec's order; headers let consumers route and dedupe without parsing the value.
 */
export function feedMessage(event: RecordedEvent): Message {
  const envelope = {
    eventId: event.eventId,
    type: event.type,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    globalPosition: event.globalPosition,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    data: event.data,
    metadata: event.metadata,
    hash: event.hash,
    prevHash: event.prevHash,
  };
  return {
    key: event.streamId,
    value: JSON.stringify(envelope),
    headers: { type: event.type, 'event-id': event.eventId },
  };
}
