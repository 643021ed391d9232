import type { CommandRequest } from '#application';
import type { Caller } from '../auth/caller.js';

/** The door's facts of a command: who, which request, which business time. */
export function commandRequest(caller: Caller, body: { occurredAt?: string }): CommandRequest {
  return {
    actorId: caller.id,
    actorRoles: caller.roles,
    correlationId: caller.correlationId,
    causationId: caller.correlationId,
    idempotencyKey: caller.idempotencyKey,
    requestHash: caller.requestHash,
    occurredAt: body.occurredAt,
    abandoned: caller.abandoned,
  };
}
