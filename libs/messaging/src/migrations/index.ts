import { runMigrationsOnce, type MigrationConnection } from '#event-store';
import { CreatePublisherCheckpoint1763920000000 } from './1763920000000-create-publisher-checkpoint.js';

/** Register beside the event store's and the read models' migrations, or run them with `migrateMessaging`. */
export const messagingMigrations = [CreatePublisherCheckpoint1763920000000];

/** Its own table, like the other libs: each lib's migrations run and are recorded on their own. */
export const MESSAGING_MIGRATIONS_TABLE = 'messaging_migrations';

/** Processes starting together take turns on this advisory lock; the later ones find nothing to do. */
const MIGRATION_LOCK: [number, number] = [1701999003, 0];

/** Runs the messaging migrations that are pending, as the connecting (owner) user. */
export function migrateMessaging(connection: MigrationConnection): Promise<void> {
  return runMigrationsOnce(connection, messagingMigrations, MESSAGING_MIGRATIONS_TABLE, MIGRATION_LOCK);
}
