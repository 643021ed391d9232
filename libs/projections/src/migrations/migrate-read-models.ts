import { DataSource, type DataSourceOptions } from 'typeorm';
import { LOCK_CLASS } from '../runner/projector-lock.js';
import { projectionMigrations } from './index.js';

/** Its own table, like the event store's: each lib's migrations run and are recorded on their own. */
export const READ_MODELS_MIGRATIONS_TABLE = 'read_models_migrations';

type PostgresDataSourceOptions = Extract<DataSourceOptions, { type: 'postgres' }>;

/**
 * Runs the read models' pending migrations as the connecting (owner) user. Processes starting
 * together take turns on an advisory lock; the later ones find nothing left to do.
 */
export async function migrateReadModels(
  connection: string | Omit<PostgresDataSourceOptions, 'migrations'>,
): Promise<void> {
  const base: PostgresDataSourceOptions =
    typeof connection === 'string' ? { type: 'postgres', url: connection } : connection;
  const dataSource = new DataSource({
    ...base,
    migrations: projectionMigrations,
    migrationsTableName: READ_MODELS_MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    entities: [],
    extra: { ...base.extra, max: 1 },
  });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1, 0)', [LOCK_CLASS]);
    try {
      await dataSource.runMigrations();
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1, 0)', [LOCK_CLASS]);
    }
  } finally {
    await dataSource.destroy();
  }
}
