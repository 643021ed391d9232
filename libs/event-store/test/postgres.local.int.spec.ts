import { freshLocalDatabase } from '../../../test/support/local-postgres.js';
import { migrateEventStore } from '../src/postgres/migrate.js';
import { PostgresEventStore } from '../src/postgres/postgres-event-store.js';
import { runEventStoreContract } from './contract/event-store-contract.js';
import { runPostgresGuarantees, type PostgresHarness } from './postgres/postgres-guarantees.js';

// The machine's PostgreSQL (PG_LOCAL_URL), in a database of this run's own. Decided before the
// tests are collected (top-level await): skipped loudly when that server does not answer, and a
// failure instead under CI=true (see freshLocalDatabase).
const database = await freshLocalDatabase('event_store_test');

if (database) {
  beforeAll(() => migrateEventStore(database.url), 60_000);
  afterAll(() => database.drop());

  const harness = (): PostgresHarness => ({
    url: () => database.url,
    open: async () =>
      new PostgresEventStore({
        connection: { connectionString: database.url },
        onBackgroundError: () => undefined,
      }),
  });
  runEventStoreContract('PostgreSQL (local)', harness);
  runPostgresGuarantees('PostgreSQL (local)', harness);
} else {
  it.skip('PostgreSQL (local): the server at PG_LOCAL_URL does not answer', () => undefined);
}
