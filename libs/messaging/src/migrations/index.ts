import { DataSource, type DataSourceOptions } from 'typeorm';
import { CreatePublisherCheckpoint1763920000000 } from './1763920000000-create-publisher-checkpoint.js';

/** Register beside the event store's and the read models' migrations, or run them with `migrateMessaging`. */
export const messagingMigrations = [CreatePublisherCheckpoint1763920000000];

/** Its own table, like the other libs: each lib's migrations run and are recorded on their own. */
export const MESSAGING_MIGRATIONS_TABLE = 'messaging_migrations';

/** Processes starting together take turns on this advisory lock; the later ones find nothing to do. */
const MIGRATION_LOCK = [1701999003, 0];

type PostgresDataSourceOptions = Extract<DataSourceOptions, { type: 'postgres' }>;

/** Runs the messaging migrations that are pending, as the connecting (owner) user. */
export async function migrateMessaging(connection: string | Omit<PostgresDataSourceOptions, 'migrations'>): Promise<void> {
  const base: PostgresDataSourceOptions = typeof connection === 'string' ? { type: 'postgres', url: connection } : connection;
  const dataSource = new DataSource({
    ...base,
    migrations: messagingMigrations,
    migrationsTableName: MESSAGING_MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    entities: [],
    extra: { ...base.extra, max: 1 },
  });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1, $2)', MIGRATION_LOCK);
    try {
      await dataSource.runMigrations();
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1, $2)', MIGRATION_LOCK);
    }
  } finally {
    await dataSource.destroy();
  }
}
