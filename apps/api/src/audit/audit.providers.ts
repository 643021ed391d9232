import type { Provider } from '@nestjs/common';
import type { AuditLog } from '#audit';

/** The audit's reader of the log (a PostgresAuditLog on the event store's database). */
export const AUDIT_LOG = Symbol('AuditLog');

/**
 * What `ApiModule.forRoot({ controllers: [AuditController], providers: auditProviders(log) })` needs.
 * The caller owns `log` and closes it after the app.
 */
export function auditProviders(log: AuditLog): Provider[] {
  return [{ provide: AUDIT_LOG, useValue: log }];
}
