import type { CaseledgerConfig } from '#config';
import { EventStoreDbEventStore, migrateEventStore, PostgresEventStore, type EventStore } from '#event-store';

/** The log: PostgreSQL by default (migrated here), EventStoreDB when EVENT_STORE=eventstoredb. */
export async function openEventStore(config: CaseledgerConfig, databaseUrl: string, onBackgroundError: (e: unknown) => void): Promise<EventStore> {
  if (config.eventStore === 'eventstoredb') return new EventStoreDbEventStore({ connectionString: config.eventStoreDbUrl! });
  await migrateEventStore(databaseUrl);
  return new PostgresEventStore({ connection: { connectionString: databaseUrl }, poolSize: config.dbPoolSize, onBackgroundError, timeouts: config.dbTimeouts });
}
