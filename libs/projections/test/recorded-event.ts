import type { EventFacts } from '#event-store';

let position = 0;

/** An event as the projector reads it, for projection specs: business time and position are what matter. */
export function recorded(
  type: string,
  data: Record<string, unknown>,
  at: { occurredAt?: string; position?: number; eventId?: string } = {},
): EventFacts {
  const globalPosition = at.position ?? ++position;
  const occurredAt = at.occurredAt ?? '2026-09-01T08:00:00.000Z';
  return {
    eventId: at.eventId ?? `00000000-0000-4000-8000-${String(globalPosition).padStart(12, '0')}`,
    type,
    streamId: 'spec',
    streamRevision: 0,
    globalPosition,
    occurredAt,
    recordedAt: occurredAt,
    data,
  };
}
