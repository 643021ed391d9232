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
  | 'CASE_EXISTS';

const statusOf: Record<ApplicationErrorCode, number> = {
  CONCURRENCY_CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PROJECTION_BEHIND: 503,
  VALIDATION_FAILED: 400,
  CASE_NOT_FOUND: 404,
  STAFF_NOT_FOUND: 404,
  CASE_EXISTS: 409,
};

export class ApplicationError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApplicationErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApplicationError';
    this.status = statusOf[code];
  }
}

export const isApplicationError = (e: unknown): e is ApplicationError => e instanceof ApplicationError;
