import { runMigrationsOnce, type MigrationConnection } from '#event-store';
import { CreateLogDigests1764800000000 } from './migrations/1764800000000-create-log-digests.js';

export const auditMigrations = [CreateLogDigests1764800000000];
export const AUDIT_MIGRATIONS_TABLE = 'audit_migrations';

/** Runs the audit's pending migrations as the connecting (owner) user; processes starting together take turns. */
export function migrateAudit(connection: MigrationConnection): Promise<void> {
  return runMigrationsOnce(connection, auditMigrations, AUDIT_MIGRATIONS_TABLE, [1701999004, 0]);
}
