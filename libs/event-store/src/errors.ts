import type { ExpectedRevision } from './event-store.port.js';

/** The stream's revision was not what the writer expected: someone else wrote first. */
export class WrongExpectedRevision extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION' as const;
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevision';
  }
}

/** An event id that is already in the log somewhere else than where this append would put it. */
export class DuplicateEventId extends Error {
  readonly code = 'DUPLICATE_EVENT_ID' as const;
  constructor(
    readonly eventId: string,
    readonly streamId: string,
  ) {
    super(`Event ${eventId} is already in the log, not as this append to ${streamId}`);
    this.name = 'DuplicateEventId';
  }
}

/** The idempotency key was stored by another request first (race on the same key). */
export class IdempotencyKeyTaken extends Error {
  readonly code = 'IDEMPOTENCY_KEY_TAKEN' as const;
  constructor(readonly key: string) {
    super(`Idempotency key ${key} is already recorded`);
    this.name = 'IdempotencyKeyTaken';
  }
}

export const isWrongExpectedRevision = (e: unknown): e is WrongExpectedRevision =>
  e instanceof WrongExpectedRevision;

/**
 * An event handed to `append*` that the store cannot record faithfully: an id that is not a UUID,
 * an `occurredAt` not in the exact form SPEC §3 fixes (the hash covers the string, so a form the
 * database would rewrite on the way back would break the chain), or the same id twice in one call.
 */
export class InvalidEventEnvelope extends Error {
  readonly code = 'INVALID_EVENT_ENVELOPE' as const;
  constructor(
    readonly eventId: string,
    readonly reason: string,
  ) {
    super(`Event ${eventId}: ${reason}`);
    this.name = 'InvalidEventEnvelope';
  }
}

/** An append call carrying more events than one append may hold (MAX_EVENTS_PER_APPEND). */
export class AppendTooLarge extends Error {
  readonly code = 'APPEND_TOO_LARGE' as const;
  constructor(
    readonly events: number,
    readonly limit: number,
  ) {
    super(`An append holds at most ${limit} events; this one has ${events}`);
    this.name = 'AppendTooLarge';
  }
}
