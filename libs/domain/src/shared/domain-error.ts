/**
 * A broken business rule, as a value: deciders return it (they never throw), the application raises
 * it, and the HTTP shell (apps/api, `domainErrorStatus`) turns `code` into a status. Never match on
 * `message`.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'OCCURRED_IN_FUTURE',
  'CASE_NOT_FOUND',
  'FOLLOW_UP_NOT_FOUND',
  'STAFF_NOT_FOUND',
  'NOT_ASSIGNEE',
  'STAFF_INACTIVE',
  'ALREADY_COMPLETED',
  'ALREADY_RATED',
  'STAFF_EXISTS',
  'CASE_NOT_ASSIGNED',
  'CASE_NOT_OPEN',
  'NO_QUALIFIED_CORRESPONDENT',
  'NOT_A_CORRESPONDENT',
  'NO_RESPONSE_SENT',
  'OPEN_FOLLOW_UPS',
  'CASE_NOT_RESOLVED',
  'GOODWILL_BUDGET_EXCEEDED',
  'GOODWILL_LIMIT_EXCEEDED',
  'UNKNOWN_ORDER',
  'ORDER_CANCELLED',
  'REFUND_EXCEEDS_ORDER',
  'REFUND_LIMIT_EXCEEDED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const errorCodes: ReadonlySet<string> = new Set(ERROR_CODES);

// Extends Error so the application can raise it as is and stack traces point at the rule.
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && errorCodes.has(value);

/** Also recognises a DomainError from another copy of this module (bundles, jest module registries). */
export function isDomainError(value: unknown): value is DomainError {
  if (value instanceof DomainError) return true;
  return (
    value instanceof Error && value.name === 'DomainError' && isErrorCode((value as { code?: unknown }).code)
  );
}

/** One offending field, as the API's `VALIDATION_FAILED` details list them. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export const validationFailed = (issues: ValidationIssue[]): DomainError =>
  new DomainError('VALIDATION_FAILED', 'The command is not valid', issues);

/** Undefined when there is nothing to complain about. */
export const checkIssues = (issues: ValidationIssue[]): DomainError | undefined =>
  issues.length > 0 ? validationFailed(issues) : undefined;
