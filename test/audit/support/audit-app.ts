import pg from 'pg';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../../apps/cli/src/audit/cli-io.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

/** The whole system (startTestApp): the audit routes are wired as npm start wires them. */
export function startAuditApp(): Promise<TestApp> {
  return startTestApp();
}

/**
 * Out-of-band, as a superuser: what a database administrator with bad intentions could do. Replica
 * mode switches off ordinary triggers, the append-only guard included, for this transaction only.
 */
export async function asSuperuser<T>(
  databaseUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Changes `data.amountCents` of one event; answers a function that puts the original back. */
export async function changeAmount(
  databaseUrl: string,
  streamId: string,
  revision: number,
  amountCents: number,
): Promise<() => Promise<void>> {
  const original = await asSuperuser(databaseUrl, async (db) => {
    const { rows } = await db.query(
      'SELECT data FROM event_store.events WHERE stream_id = $1 AND stream_revision = $2',
      [streamId, revision],
    );
    if (rows.length !== 1) throw new Error(`no event ${streamId}@${revision}`);
    await db.query(
      `UPDATE event_store.events SET data = jsonb_set(data, '{amountCents}', to_jsonb($3::bigint)) WHERE stream_id = $1 AND stream_revision = $2`,
      [streamId, revision, amountCents],
    );
    return rows[0].data;
  });
  return () =>
    asSuperuser(databaseUrl, (db) =>
      db
        .query('UPDATE event_store.events SET data = $3 WHERE stream_id = $1 AND stream_revision = $2', [
          streamId,
          revision,
          original,
        ])
        .then(() => undefined),
    );
}

/** Deletes one event; answers a function that inserts the very same row again. */
export async function deleteEvent(
  databaseUrl: string,
  streamId: string,
  revision: number,
): Promise<() => Promise<void>> {
  const row = await asSuperuser(databaseUrl, async (db) => {
    const { rows } = await db.query(
      'DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision = $2 RETURNING *',
      [streamId, revision],
    );
    if (rows.length !== 1) throw new Error(`no event ${streamId}@${revision}`);
    return rows[0] as Record<string, unknown>;
  });
  // schema_version is generated from the metadata: PostgreSQL fills it in again.
  const columns = Object.keys(row).filter((column) => column !== 'schema_version');
  return () =>
    asSuperuser(databaseUrl, (db) =>
      db
        .query(
          `INSERT INTO event_store.events (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
          columns.map((c) => row[c]),
        )
        .then(() => undefined),
    );
}

/** What the database itself says the log holds, counted without the code under test. */
export async function logSize(databaseUrl: string): Promise<{ streams: number; events: number }> {
  return asSuperuser(databaseUrl, async (db) => {
    const { rows } = await db.query(
      'SELECT count(DISTINCT stream_id)::int AS streams, count(*)::int AS events FROM event_store.events',
    );
    return rows[0];
  });
}

/** A CliIo whose output the test reads. */
export function capturedIo(
  env: NodeJS.ProcessEnv,
  options: { tty?: boolean } = {},
): CliIo & { out(): string; err(): string } {
  const collect = () => {
    const stream = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    return { stream, text: () => chunks.join('') };
  };
  const stdout = collect();
  const stderr = collect();
  return { stdout: stdout.stream, stderr: stderr.stream, env, out: stdout.text, err: stderr.text };
}
