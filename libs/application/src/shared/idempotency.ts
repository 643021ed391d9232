import type { EventStore, IdempotencyRecord } from '#event-store';
import { ApplicationError } from './application-error.js';
import type { CommandRequest } from './command-request.js';

/** The key a request's Idempotency-Key is stored under: scoped by actor, so two callers never collide. */
export const idempotencyKeyOf = (request: CommandRequest): string | undefined =>
  request.idempotencyKey ? `${request.actorId}:${request.idempotencyKey}` : undefined;

/** The record stored with the events, so a retried request finds both or neither. */
export function idempotencyRecord(
  key: string | undefined,
  request: CommandRequest,
  answer: IdempotencyRecord['answer'],
): IdempotencyRecord | undefined {
  return key && request.requestHash ? { key, requestHash: request.requestHash, answer } : undefined;
}

/**
 * What the first request under this key was answered, if there was one; a key reused for another
 * request is refused (IDEMPOTENCY_KEY_REUSED) instead of replaying an answer to something else.
 */
export async function answeredBefore(store: EventStore, key: string, request: CommandRequest) {
  const record = await store.readIdempotency(key);
  if (!record) return undefined;
  if (record.requestHash !== request.requestHash) {
    throw new ApplicationError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used for a different request',
    );
  }
  return record;
}
