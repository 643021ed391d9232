/**
 * PostgreSQL could not be reached, or stopped answering, while serving a call: the API answers 503
 * `DATABASE_UNAVAILABLE` with Retry-After instead of a 500. `outcome` says what became of a write:
 * `not_applied` when the statement never reached the server or the server rolled it back, `unknown`
 * when the connection was lost after the statement (an autocommit append: its COMMIT) was sent —
 * it may or may not be in the log; a retry with the same Idempotency-Key answers the first outcome.
 */
export class DatabaseUnavailable extends Error {
  readonly code = 'DATABASE_UNAVAILABLE' as const;
  constructor(
    message: string,
    readonly outcome: 'not_applied' | 'unknown',
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseUnavailable';
  }
}

/** Socket errors of a connection that was refused, reset or timed out. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is going away or not taking work: class 08 (connection exception),
 * 57P01 admin_shutdown (pg_terminate_backend, a fast shutdown), 57P02 crash_shutdown, 57P03
 * cannot_connect_now (starting up, recovering), 57P05 idle_session_timeout, 57014 query_canceled
 * (DB_STATEMENT_TIMEOUT_MS reached), 53300 too_many_connections, 25P03 idle-in-transaction timeout.
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '57P05', '57014', '53300', '25P03']);

/** What node-postgres and pg-pool say when the connection went away or never came (no code of their own). */
const CLIENT_MESSAGES = [
  'Connection terminated',
  'Query read timeout',
  'timeout exceeded when trying to connect',
  'not queryable',
  'Cannot use a pool after calling end on the pool',
];

/** Whether `error` (or its cause, or a typeorm driverError) means the database is out of reach. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  if (error instanceof DatabaseUnavailable) return true;
  const { code, message, cause, driverError } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    driverError?: unknown;
  };
  if (
    typeof code === 'string' &&
    (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
  )
    return true;
  if (typeof message === 'string' && CLIENT_MESSAGES.some((m) => message.includes(m))) return true;
  return isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable(driverError, depth + 1);
}

/** Failures a fresh connection would meet too, right now: refused, unreachable, timed out, not accepting. */
const OUT_OF_REACH_CODES = new Set([
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P03',
  '57014',
  '53300',
]);
const OUT_OF_REACH_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Connection terminated due to connection timeout',
];

/**
 * Narrower than isDatabaseUnavailable: the database cannot be reached at all (as opposed to one
 * session that was terminated, after which the next connection works). Commands waiting their turn
 * are answered at once on these, instead of each finding out after its own timeout.
 */
export function isDatabaseOutOfReach(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { code, message, cause, driverError } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    driverError?: unknown;
  };
  if (typeof code === 'string' && OUT_OF_REACH_CODES.has(code)) return true;
  if (typeof message === 'string' && OUT_OF_REACH_MESSAGES.some((m) => message.includes(m))) return true;
  return isDatabaseOutOfReach(cause, depth + 1) || isDatabaseOutOfReach(driverError, depth + 1);
}

/** A statement the server answered by rolling it back (its own timeout): nothing of it was applied. */
export function wasRolledBack(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '57014';
}
