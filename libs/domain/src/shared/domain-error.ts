/**
 * A broken business rule, as a value: deciders return it (they never throw), the application raises
 * it, and one HTTP filter turns `code` into a status with `errorStatus`. Never match on `message`.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'OCCURRED_IN_FUTURE'
  | 'CASE_NOT_FOUND'
  | 'FOLLOW_UP_NOT_FOUND'
  | 'STAFF_NOT_FOUND'
  | 'NOT_ASSIGNEE'
  | 'STAFF_INACTIVE'
  | 'ALREADY_COMPLETED'
  | 'ALREADY_RATED'
  | 'STAFF_EXISTS'
  | 'CASE_NOT_ASSIGNED'
  | 'CASE_NOT_OPEN'
  | 'NO_QUALIFIED_CORRESPONDENT'
  | 'NOT_A_CORRESPONDENT'
  | 'NO_RESPONSE_SENT'
  | 'OPEN_FOLLOW_UPS'
  | 'CASE_NOT_RESOLVED'
  | 'GOODWILL_BUDGET_EXCEEDED'
  | 'GOODWILL_LIMIT_EXCEEDED'
  | 'UNKNOWN_ORDER'
  | 'ORDER_CANCELLED'
  | 'REFUND_EXCEEDS_ORDER'
  | 'REFUND_LIMIT_EXCEEDED';

/** HTTP status of each code (SPEC §3, §4). */
export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  CASE_NOT_FOUND: 404,
  FOLLOW_UP_NOT_FOUND: 404,
  STAFF_NOT_FOUND: 404,
  NOT_ASSIGNEE: 403,
  STAFF_INACTIVE: 403,
  ALREADY_COMPLETED: 409,
  ALREADY_RATED: 409,
  STAFF_EXISTS: 409,
  OCCURRED_IN_FUTURE: 422,
  CASE_NOT_ASSIGNED: 422,
  CASE_NOT_OPEN: 422,
  NO_QUALIFIED_CORRESPONDENT: 422,
  NOT_A_CORRESPONDENT: 422,
  NO_RESPONSE_SENT: 422,
  OPEN_FOLLOW_UPS: 422,
  CASE_NOT_RESOLVED: 422,
  GOODWILL_BUDGET_EXCEEDED: 422,
  GOODWILL_LIMIT_EXCEEDED: 422,
  UNKNOWN_ORDER: 422,
  ORDER_CANCELLED: 422,
  REFUND_EXCEEDS_ORDER: 422,
  REFUND_LIMIT_EXCEEDED: 422,
};

export const ERROR_CODES = Object.keys(errorStatus) as ErrorCode[];

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
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorStatus, value);

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
