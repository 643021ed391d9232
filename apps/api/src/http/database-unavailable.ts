import { DatabaseUnavailable, isDatabaseUnavailable } from '#event-store';
import { errorBody, type ErrorBody } from './error-body.js';

/**
 * A call that could not reach PostgreSQL (refused, cut, timed out): 503 `DATABASE_UNAVAILABLE`, never
 * a 500. When an append was sent but its answer lost, `details.outcome` is "unknown": the write may
 * be in the log; the same request with the same Idempotency-Key answers what became of it.
 */
export function databaseUnavailableBody(exception: unknown): ErrorBody | undefined {
  if (!isDatabaseUnavailable(exception)) return undefined;
  if (exception instanceof DatabaseUnavailable && exception.outcome === 'unknown') {
    return errorBody(
      503,
      'DATABASE_UNAVAILABLE',
      'The connection to the database was lost after the change was sent; it may or may not have been recorded. Retry with the same Idempotency-Key to learn which.',
      {
        outcome: 'unknown',
      },
    );
  }
  return errorBody(
    503,
    'DATABASE_UNAVAILABLE',
    'The database cannot be reached right now; nothing was changed. Try again shortly.',
  );
}
