import type { NextFunction, Response } from 'express';
import type { CallerRequest } from '../auth/caller.js';

/**
 * Malformed JSON is a body-validation failure (400), and SPEC §3 orders the checks 401, 403, then
 * 400: the JSON parser runs before the guard, so its parse error is kept on the request here and
 * raised by the guard once the caller is authenticated and allowed. Other parser errors (413, 415)
 * still answer at once.
 */
export function deferMalformedJson(
  error: unknown,
  request: CallerRequest,
  _response: Response,
  next: NextFunction,
): void {
  if (
    typeof error === 'object' &&
    error !== null &&
    (error as { type?: unknown }).type === 'entity.parse.failed'
  ) {
    request.bodyError = error;
    next();
    return;
  }
  next(error);
}
