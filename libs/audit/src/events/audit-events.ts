import { DEFAULT_AUDIT_PAGE_SIZE, MAX_AUDIT_PAGE_SIZE } from '#config';
import type { RecordedEvent } from '#event-store';
import type { AuditEventFilter, AuditLog } from '../audit-log/audit-log.js';

export interface AuditEventsQuery extends AuditEventFilter {
  /** Exclusive global position; default 0 (from the start). */
  after?: number;
  /** Default 100, at most 1000. */
  limit?: number;
}

/** `GET /audit/events` (SPEC §4): `next` is the `after` of the following page, null on the last one. */
export interface AuditEventsAnswer {
  events: RecordedEvent[];
  next: number | null;
}

/**
 * One page of the audit trail. One row more than asked is read, so the last page says so itself
 * (`next: null`) instead of sending the client for an empty page.
 */
export async function findAuditEvents(log: AuditLog, query: AuditEventsQuery): Promise<AuditEventsAnswer> {
  const limit = Math.min(query.limit ?? DEFAULT_AUDIT_PAGE_SIZE, MAX_AUDIT_PAGE_SIZE);
  const found = await log.findEvents({ ...query, after: query.after ?? 0, limit: limit + 1 });
  const events = found.slice(0, limit);
  return { events, next: found.length > limit ? events.at(-1)!.globalPosition : null };
}

/** Every matching event in global order, a page at a time (exports of a period). */
export async function* auditEventsMatching(
  log: AuditLog,
  filter: AuditEventFilter,
  pageSize = MAX_AUDIT_PAGE_SIZE,
): AsyncGenerator<RecordedEvent> {
  let after = 0;
  for (;;) {
    const page = await log.findEvents({ ...filter, after, limit: pageSize });
    yield* page;
    if (page.length < pageSize) return;
    after = page.at(-1)!.globalPosition;
  }
}
