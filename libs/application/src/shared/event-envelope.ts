import { randomUUID } from 'node:crypto';
import { EVENT_SCHEMAS, isEventType } from '#domain';
import type { NewEvent } from '#event-store';
import type { CommandRequest } from './command-request.js';

/** What stamps an event besides the request: its business time and the standards it was judged under. */
export interface EventStamp {
  occurredAt: string;
  standardsVersion: number;
  /** Upstream facts keep their own id (the log deduplicates by it); a decision's events get a new one. */
  eventId?: string;
  /** The upstream fact that caused this event; default: the request's causation. */
  causationId?: string;
}

/**
 * The one envelope of every event the application appends, from a decision or from upstream:
 * who, why, under which standards, in which schema version. One builder, so the two doors cannot
 * drift apart in what the audit trail records.
 */
export function envelope(
  event: { type: string; data: unknown },
  request: CommandRequest,
  stamp: EventStamp,
): NewEvent {
  return {
    eventId: stamp.eventId ?? randomUUID(),
    type: event.type,
    occurredAt: stamp.occurredAt,
    data: event.data,
    // Members in canonical (sorted) order: the store then hashes the text JSON.stringify writes.
    metadata: {
      actorId: request.actorId,
      actorRoles: request.actorRoles,
      causationId: stamp.causationId ?? request.causationId,
      correlationId: request.correlationId,
      ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
      // The version the registry reads back; a type outside the domain (the runner's own tests) is at 1.
      schemaVersion: isEventType(event.type) ? EVENT_SCHEMAS.versionOf(event.type) : 1,
      standardsVersion: stamp.standardsVersion,
    },
  };
}
