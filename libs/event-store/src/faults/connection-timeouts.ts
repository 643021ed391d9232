import type { ClientConfig } from 'pg';

/**
 * Bounds on every connection to PostgreSQL (DB_CONNECT_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS), so a
 * database that is away makes calls fail in bounded time instead of hanging.
 */
export interface DatabaseTimeouts {
  /** Connecting, and waiting for a free connection of a pool. */
  connectMs: number;
  /** One statement: the server cancels it (statement_timeout); the client gives up shortly after. */
  statementMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 5_000, statementMs: 15_000 };

/**
 * The server's statement_timeout answers a slow statement itself (rolled back, SQLSTATE 57014); the
 * client's query_timeout, a second later, is for a server or network that went silent (a black-holed
 * connection), where no answer would ever come. TCP keepalive finds dead idle connections.
 */
export function withTimeouts(
  config: ClientConfig,
  timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS,
): ClientConfig {
  return {
    ...config,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + 1_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}
