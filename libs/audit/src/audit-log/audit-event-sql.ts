import type { AuditEventPage } from './audit-log.js';

/**
 * The WHERE clause holds only the filters given, so PostgreSQL can pick the index that serves each
 * (actorId and type have `(…, global_position)` indexes, occurredAt its own); a catch-all
 * `($1 IS NULL OR …)` form would leave a generic plan scanning the primary key for every query.
 *
 * Held back below `pg_snapshot_xmin`, like `readAll`: a transaction still in flight may own a lower
 * position and commit later, and an auditor paging with `after` would then never see its events.
 */
export function auditEventQuery(columns: string, page: AuditEventPage): { text: string; values: unknown[] } {
  const values: unknown[] = [page.after];
  const where = ['global_position > $1', 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())'];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    values.push(value);
    where.push(condition(`$${values.length}`));
  };
  if (page.actorId !== undefined) add((p) => `metadata->>'actorId' = ${p}`, page.actorId);
  if (page.type !== undefined) add((p) => `type = ${p}`, page.type);
  if (page.streamId !== undefined) add((p) => `stream_id = ${p}`, page.streamId);
  if (page.from !== undefined) add((p) => `occurred_at >= ${p}::timestamptz`, page.from);
  if (page.to !== undefined) add((p) => `occurred_at < ${p}::timestamptz`, page.to);
  values.push(page.limit);
  return {
    text: `SELECT ${columns} FROM event_store.events WHERE ${where.join(' AND ')} ORDER BY global_position LIMIT $${values.length}`,
    values,
  };
}
