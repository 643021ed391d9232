/**
 * Failures that are not business rules of one aggregate: a conflict that survived its retries, an
 * idempotency key reused for another request, a projection that did not catch up in time. Like a
 * DomainError they carry the spec's `code`; how the API answers each is the API's business
 * (apps/api/src/http/application-error-status.ts).
 */
export type ApplicationErrorCode =
  | 'CONCURRENCY_CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'PROJECTION_BEHIND'
  | 'VALIDATION_FAILED'
  | 'CASE_NOT_FOUND'
  | 'STAFF_NOT_FOUND'
  | 'CASE_EXISTS'
  // issue 19: the command queue's bound, and a command whose caller left before its turn
  | 'COMMANDS_BUSY'
  | 'REQUEST_ABANDONED';

export class ApplicationError extends Error {
  constructor(
    readonly code: ApplicationErrorCode,
    message: string,
    readonly details?: unknown,
    /** Seconds the caller should wait before trying again (the `Retry-After` header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApplicationError';
  }
}

export const isApplicationError = (e: unknown): e is ApplicationError => e instanceof ApplicationError;
