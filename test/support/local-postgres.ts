import pg from 'pg';
import { createDatabase } from '../../libs/event-store/src/embedded/create-database.js';

export const LOCAL_POSTGRES_URL = process.env.PG_LOCAL_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new database on the machine's PostgreSQL for this run (dropped afterwards), or null when that
 * server does not answer — then the caller skips, loudly. Under CI=true a missing server is an
 * error: CI promised one, and a suite that silently skips proves nothing.
 */
export async function freshLocalDatabase(prefix: string): Promise<FreshDatabase | null> {
  if (!(await answers(LOCAL_POSTGRES_URL))) {
    const reason = `PostgreSQL at ${LOCAL_POSTGRES_URL} does not answer (set PG_LOCAL_URL)`;
    if (process.env.CI === 'true') throw new Error(`${reason}; CI=true requires it`);
    console.warn(`\n*** SKIPPING ${prefix} tests on the local PostgreSQL: ${reason} ***\n`);
    return null;
  }
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const url = await createDatabase(LOCAL_POSTGRES_URL, name);
  return { url, drop: () => dropDatabase(LOCAL_POSTGRES_URL, name) };
}

/** Drops database `name` of the server at `serverUrl`, whoever is still connected to it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
