import type { ApplicationErrorCode } from '#application';

/**
 * HTTP status of each application code (SPEC §4): like the domain's codes, mapped here in the HTTP
 * shell and nowhere else. Typed as a full record, so a new code does not compile without its status.
 */
export const applicationErrorStatus: Readonly<Record<ApplicationErrorCode, number>> = {
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
