import type { Pool, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { guardCheckedOut } from './checked-out-client.js';
import { DatabaseUnavailable, isDatabaseUnavailable, wasRolledBack } from './database-unavailable.js';

/**
 * Sends an append (one autocommit statement) on a connection of its own, so a failure says whether
 * the statement could have committed: none before it was sent (no connection) or when the server
 * rolled it back; `unknown` when the connection was lost after it was sent. A connection that
 * failed is destroyed; one the server answered with an error (a conflict) goes back to the pool.
 */
export async function sendAppend<R extends QueryResultRow>(
  pool: Pool,
  statement: QueryConfig,
): Promise<QueryResult<R>> {
  let client;
  try {
    client = await pool.connect();
  } catch (error) {
    if (isDatabaseUnavailable(error))
      throw new DatabaseUnavailable('The database could not be reached; nothing was written', 'not_applied', {
        cause: error,
      });
    throw error;
  }
  const loan = guardCheckedOut(client);
  try {
    const result = await client.query<R>(statement);
    loan.release();
    return result;
  } catch (error) {
    loan.release(error);
    if (!isDatabaseUnavailable(error)) throw error;
    if (wasRolledBack(error))
      throw new DatabaseUnavailable(
        'The database did not finish the write in time; nothing was written',
        'not_applied',
        { cause: error },
      );
    throw new DatabaseUnavailable(
      'The connection to the database was lost after the write was sent; it may or may not be in the log',
      'unknown',
      { cause: error },
    );
  }
}
