import pg from 'pg';
import { createDatabase } from '#embedded-postgres';
import { requirePrerequisite } from './prerequisite.js';

export const LOCAL_POSTGRES_URL = process.env.PG_LOCAL_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new database on the machine's PostgreSQL for this run (dropped afterwards), or null when that
 * server does not answer — then the caller skips, loudly (test/support/prerequisite.ts: under
 * CI=true a missing server fails instead).
 */
export async function freshLocalDatabase(prefix: string): Promise<FreshDatabase | null> {
  const availability = (await answers(LOCAL_POSTGRES_URL))
    ? ({ ok: true } as const)
    : ({ ok: false, reason: `${LOCAL_POSTGRES_URL} does not answer (set PG_LOCAL_URL)` } as const);
  if (!requirePrerequisite("the machine's PostgreSQL 15", availability, `${prefix} tests`)) return null;
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
