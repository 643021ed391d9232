import type { ErrorCode } from '#domain';

/**
 * HTTP status of each business-rule code (SPEC §3, §4): the HTTP shell's mapping, not the domain's —
 * the domain names the broken rule, the API decides how it answers.
 */
export const domainErrorStatus: Readonly<Record<ErrorCode, number>> = {
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
