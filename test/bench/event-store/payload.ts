import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';

/** A complaint as the service department files it: the size of a real event (≈ 600 bytes of JSON). */
export function complaintEvent(caseId: string, now: string): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ComplaintReceived',
    occurredAt: now,
    data: {
      caseId,
      channel: 'mail',
      complainant: { type: 'distributor', id: 'D-1017', name: 'Dana Reyes' },
      distributorId: 'D-1017',
      orderId: 'O-88121',
      subject: 'Blender lid arrived cracked',
      body: 'The lid of the blender from my last party order arrived cracked; two customers are waiting for theirs.',
    },
    metadata: {
      actorId: 'intake-7',
      actorRoles: ['intake'],
      correlationId: randomUUID(),
      causationId: randomUUID(),
      standardsVersion: 1,
      schemaVersion: 1,
    },
  };
}

export const batchOf = (size: number, streamId: string, now: string): NewEvent[] =>
  Array.from({ length: size }, () => complaintEvent(streamId, now));
