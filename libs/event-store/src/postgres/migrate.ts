import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { CreateEventLog1763900000000 } from './migrations/1763900000000-create-event-log.js';
import { GuardAppendOnly1763900000001 } from './migrations/1763900000001-guard-append-only.js';
import { PositionsFromTransactionIds1763940000000 } from './migrations/1763940000000-positions-from-transaction-ids.js';
import { SchemaVersionColumn1765200000000 } from './migrations/1765200000000-schema-version-column.js';

/** In order. Raw SQL only: the schema is the contract, no entity metadata involved. */
export const eventStoreMigrations = [
  CreateEventLog1763900000000,
  GuardAppendOnly1763900000001,
  PositionsFromTransactionIds1763940000000,
  SchemaVersionColumn1765200000000,
];

/** Its own table, so the read models' migrations (another DataSource) never see these and vice versa. */
export const EVENT_STORE_MIGRATIONS_TABLE = 'event_store_migrations';

export type PostgresDataSourceOptions = Extract<DataSourceOptions, { type: 'postgres' }>;
export type MigrationConnection = string | Omit<PostgresDataSourceOptions, 'migrations'>;

/**
 * Runs one lib's pending migrations, recorded in its own table, as the connecting (owner) user.
 * Several processes may start at once (API replicas): a session advisory lock on the DataSource's
 * only connection makes them take turns, and the later ones find nothing left to run.
 */
export async function runMigrationsOnce(
  connection: MigrationConnection,
  migrations: Array<new () => MigrationInterface>,
  table: string,
  lock: [number, number],
): Promise<void> {
  const base: PostgresDataSourceOptions =
    typeof connection === 'string' ? { type: 'postgres', url: connection } : connection;
  const dataSource = new DataSource({
    ...base,
    migrations,
    migrationsTableName: table,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    entities: [],
    extra: { ...base.extra, max: 1 },
  });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1, $2)', lock);
    try {
      await dataSource.runMigrations();
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1, $2)', lock);
    }
  } finally {
    await dataSource.destroy();
  }
}

/** Runs the event store's pending migrations. */
export function migrateEventStore(connection: MigrationConnection): Promise<void> {
  return runMigrationsOnce(connection, eventStoreMigrations, EVENT_STORE_MIGRATIONS_TABLE, [1701999001, 0]);
}
