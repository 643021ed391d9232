import { EVENT_SCHEMAS } from '#domain';
import type { DomainFacts } from '../src/read-models/read-model-table.js';

let position = 0;

/**
 * An event as the projector reads it, for projection specs: business time and position are what
 * matter. Decoded as the runner decodes the log, so a type the domain does not know fails here too.
 */
export function recorded(
  type: string,
  data: Record<string, unknown>,
  at: { occurredAt?: string; position?: number; eventId?: string } = {},
): DomainFacts {
  const globalPosition = at.position ?? ++position;
  const occurredAt = at.occurredAt ?? '2026-09-01T08:00:00.000Z';
  return EVENT_SCHEMAS.decode({
    eventId: at.eventId ?? `00000000-0000-4000-8000-${String(globalPosition).padStart(12, '0')}`,
    type,
    streamId: 'spec',
    streamRevision: 0,
    globalPosition,
    occurredAt,
    recordedAt: occurredAt,
    data,
    schemaVersion: 1,
  });
}
