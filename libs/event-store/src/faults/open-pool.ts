import pg from 'pg';

/** Counted for the whole process: every pool there is was opened here. */
let sessionsOpened = 0;

/**
 * The one way the product opens a pool of PostgreSQL connections (lint forbids `new pg.Pool`
 * elsewhere): a pool no lost connection can take the process down with.
 *
 * pg-pool listens to a client's 'error' only while the client is idle in the pool. A client lent
 * out has nobody listening until its borrower attaches a listener (guardCheckedOut), and the
 * borrower of `await pool.connect()` resumes a microtask after the pool lent it. When the server
 * says goodbye (pg_terminate_backend, a restart) to a connection that has just started, the
 * goodbye can arrive in the same network read as the startup's ReadyForQuery: the client is lent,
 * then fails, before its borrower runs — an 'error' event with no listener, which ends the process.
 * So every client gets a listener of its own for life; the borrower still learns of the loss from
 * its next query, which fails.
 */
export function openPool(config: pg.PoolConfig, onIdleConnectionLost: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('connect', (client) => {
    sessionsOpened += 1;
    client.on('error', ignoreOnceReported);
  });
  // An idle client died; the pool has already removed it and opens another when one is needed.
  pool.on('error', onIdleConnectionLost);
  return pool;
}

/**
 * PostgreSQL sessions this process's pools have opened since it started: each one a backend forked,
 * authenticated and set up on the server. Once the pools are full it should stand still; a rise
 * under steady load means connections are being thrown away (/metrics:
 * caseledger_db_connections_opened_total).
 */
export function databaseSessionsOpened(): number {
  return sessionsOpened;
}

function ignoreOnceReported(): void {
  // Reported where it matters: to the pool while idle, to the borrower's query while lent.
}
