import type { Pool, PoolClient, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { guardCheckedOut } from './checked-out-client.js';
import { DatabaseUnavailable, isDatabaseUnavailable, wasRolledBack } from './database-unavailable.js';

/**
 * Sends an append (one autocommit statement) on a connection of its own, so a failure says whether
 * the statement could have committed: none before it was sent (no connection) or when the server
 * rolled it back; `unknown` when the connection was lost after it was sent. A connection that
 * failed is destroyed; one the server answered with an error (a conflict) goes back to the pool.
 * A connection lent already lost (its session ended as it began) never carried the statement: the
 * append is sent once more, on another.
 */
export async function sendAppend<R extends QueryResultRow>(
  pool: Pool,
  statement: QueryConfig,
): Promise<QueryResult<R>> {
  for (let attempt = 1; ; attempt++) {
    const client = await checkOut(pool);
    const loan = guardCheckedOut(client);
    try {
      const result = await client.query<R>(statement);
      loan.release();
      return result;
    } catch (error) {
      loan.release(error);
      if (!isDatabaseUnavailable(error)) throw error;
      if (neverSent(error) && attempt < 2) continue;
      if (neverSent(error) || wasRolledBack(error))
        throw new DatabaseUnavailable(
          'The database did not take the write; nothing was written',
          'not_applied',
          {
            cause: error,
          },
        );
      throw new DatabaseUnavailable(
        'The connection to the database was lost after the write was sent; it may or may not be in the log',
        'unknown',
        { cause: error },
      );
    }
  }
}

async function checkOut(pool: Pool): Promise<PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    if (isDatabaseUnavailable(error))
      throw new DatabaseUnavailable('The database could not be reached; nothing was written', 'not_applied', {
        cause: error,
      });
    throw error;
  }
}

/** node-postgres refuses, without sending anything, a query on a client whose connection is already lost. */
function neverSent(error: unknown): boolean {
  return error instanceof Error && error.message.includes('is not queryable');
}
