import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PostgresEventStore } from '#event-store';

/**
 * What a runtime session must not do (SPEC §7, least privilege), each statement with the role it
 * would reach. The session is a plain login, without the pools' `-c role=…`: what any process
 * holding the runtime password gets.
 */
export function refusedStatements(owner: string, superuser: string): Array<[string, string]> {
  return [
    ['UPDATE an event', `UPDATE event_store.events SET data = jsonb_set(data, '{amountCents}', '1')`],
    ['DELETE an event', `DELETE FROM event_store.events`],
    ['TRUNCATE the log', `TRUNCATE event_store.events`],
    ['disable the triggers', `ALTER TABLE event_store.events DISABLE TRIGGER ALL`],
    ['set session_replication_role', `SET session_replication_role = replica`],
    ['SET ROLE to the owner', `SET ROLE ${owner}`],
    ['SET ROLE to the superuser', `SET ROLE ${superuser}`],
    ['SET SESSION AUTHORIZATION to the owner', `SET SESSION AUTHORIZATION ${owner}`],
    ['SET SESSION AUTHORIZATION to the superuser', `SET SESSION AUTHORIZATION ${superuser}`],
    ['grant itself the owner', `GRANT ${owner} TO CURRENT_USER`],
    ['make itself a superuser', `ALTER ROLE CURRENT_USER SUPERUSER`],
  ];
}

/** Runs `sql` on a fresh runtime session and answers the error PostgreSQL gave (or null). */
export async function attempt(
  runtimeUrl: string,
  sql: string,
): Promise<{ code?: string; message: string } | null> {
  const db = new pg.Client({ connectionString: runtimeUrl });
  await db.connect();
  try {
    await db.query(sql);
    return null;
  } catch (error) {
    return error as { code?: string; message: string };
  } finally {
    await db.end();
  }
}

/** The runtime login still does its job: append through the store, read back. */
export async function appendsAndReads(runtimeUrl: string): Promise<number> {
  const store = new PostgresEventStore({
    connection: { connectionString: runtimeUrl },
    poolSize: 2,
    onBackgroundError: () => undefined,
  });
  try {
    const eventId = randomUUID();
    await store.appendToStream(
      `staff-S-${eventId.slice(0, 8)}`,
      [
        {
          eventId,
          type: 'StaffMemberRegistered',
          occurredAt: '2026-12-01T09:00:00.000Z',
          data: { staffId: 'S-1', name: 'Ada', roles: ['correspondent'], skillLevel: 2 },
          metadata: {
            actorId: 'admin',
            actorRoles: ['admin'],
            correlationId: 'c',
            causationId: 'c',
            standardsVersion: 0,
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    return (await store.readAll()).length;
  } finally {
    await store.close();
  }
}

/** Events in the log, counted by a login that sees everything. */
export async function eventCount(url: string): Promise<number> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows[0]!.n;
  } finally {
    await db.end();
  }
}
