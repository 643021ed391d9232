import { startTestPostgres } from '../../../test/support/embedded-postgres.js';
import type { RunningPostgres } from '../src/embedded/embedded-postgres.js';
import { createDatabase } from '../src/embedded/create-database.js';
import { migrateEventStore } from '../src/postgres/migrate.js';
import { PostgresEventStore } from '../src/postgres/postgres-event-store.js';
import { runEventStoreContract } from './contract/event-store-contract.js';
import { runPostgresGuarantees, type PostgresHarness } from './postgres/postgres-guarantees.js';

// Always runs: a throw-away PostgreSQL of this file's own (its own port and temp directory).
let server: RunningPostgres | undefined;
let url = '';

beforeAll(async () => {
  server = await startTestPostgres();
  url = await createDatabase(server.url, 'event_store');
  await migrateEventStore(url);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

const harness = (): PostgresHarness => ({
  url: () => url,
  open: async () =>
    new PostgresEventStore({ connection: { connectionString: url }, onBackgroundError: () => undefined }),
});

runEventStoreContract('PostgreSQL (embedded)', harness);
runPostgresGuarantees('PostgreSQL (embedded)', harness);
