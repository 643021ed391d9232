import { runMigrationsOnce, type MigrationConnection } from '#event-store';
import { LOCK_CLASS } from '../runner/projector-lock.js';
import { projectionMigrations } from './index.js';

/** Its own table, like the event store's: each lib's migrations run and are recorded on their own. */
export const READ_MODELS_MIGRATIONS_TABLE = 'read_models_migrations';

/**
 * Runs the read models' pending migrations as the connecting (owner) user. Processes starting
 * together take turns on an advisory lock; the later ones find nothing left to do.
 */
export function migrateReadModels(connection: MigrationConnection): Promise<void> {
  return runMigrationsOnce(connection, projectionMigrations, READ_MODELS_MIGRATIONS_TABLE, [LOCK_CLASS, 0]);
}
