import pg from 'pg';

/**
 * A pool's end() resolves once its clients are told to go, not once their server processes are
 * gone; stopping the server in between makes each of them report "terminating connection due to
 * administrator command" as a background error. Waiting for the sessions to end keeps the logs quiet.
 */
export async function untilDisconnected(databaseUrl: string, timeoutMs = 2000): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    const others = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        )
      ).rows[0].n as number;
    while ((await others()) > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    await db.end();
  }
}
