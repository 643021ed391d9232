/**
 * Failures that are not business rules of one aggregate: a conflict that survived its retries, an
 * idempotency key reused for another request, a projection that did not catch up in time. Like a
 * DomainError they carry the spec's `code`; the HTTP filter maps them with their `status`.
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

const statusOf: Record<ApplicationErrorCode, number> = {
  CONCURRENCY_CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PROJECTION_BEHIND: 503,
  VALIDATION_FAILED: 400,
  CASE_NOT_FOUND: 404,
  STAFF_NOT_FOUND: 404,
  CASE_EXISTS: 409,
  COMMANDS_BUSY: 503,
  // Nginx's "client closed request": nobody reads it, but the request log says what happened.
  REQUEST_ABANDONED: 499,
};

export class ApplicationError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApplicationErrorCode,
    message: string,
    readonly details?: unknown,
    /** Seconds the caller should wait before trying again (the `Retry-After` header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApplicationError';
    this.status = statusOf[code];
  }
}

export const isApplicationError = (e: unknown): e is ApplicationError => e instanceof ApplicationError;
