import type { CaseledgerConfig } from '#config';
import { EventStoreDbEventStore, PostgresEventStore, type EventStore } from '#event-store';

/** The log: PostgreSQL by default (migrated by prepareDatabase, as the owner), EventStoreDB when EVENT_STORE=eventstoredb. */
export async function openEventStore(
  config: CaseledgerConfig,
  databaseUrl: string,
  onBackgroundError: (e: unknown) => void,
): Promise<EventStore> {
  if (config.eventStore === 'eventstoredb')
    return new EventStoreDbEventStore({ connectionString: config.eventStoreDbUrl! });
  return new PostgresEventStore({
    connection: { connectionString: databaseUrl },
    poolSize: config.dbPoolSize,
    onBackgroundError,
    timeouts: config.dbTimeouts,
  });
}
