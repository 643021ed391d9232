import type { RecordedEvent } from '#event-store';

/**
 * Which events an auditor asks for (SPEC §4 `GET /audit/events`). Every given filter must match.
 * `from` / `to` select by business time, `occurredAt`, as the half-open period `[from, to)` — the
 * reports' definition of a period (SPEC §6), so an audit of "September" and the September goodwill
 * report cover the same events.
 */
export interface AuditEventFilter {
  actorId?: string;
  type?: string;
  streamId?: string;
  /** ISO-8601, included. */
  from?: string;
  /** ISO-8601, excluded. */
  to?: string;
}

export interface AuditEventPage extends AuditEventFilter {
  /** Exclusive global position: events after it. */
  after: number;
  limit: number;
}

/**
 * The reads the audit needs that the EventStore port does not offer: the whole log in chain order
 * (stream by stream, revisions ascending) and filtered queries in global order. PostgreSQL has
 * `PostgresAuditLog`; an EventStoreDB deployment would need its own reader (reading `$all` and
 * grouping by stream is not possible in constant memory there).
 */
export interface AuditLog {
  /** Every event, each stream's events together and in revision order, from one consistent snapshot. */
  eventsInChainOrder(): AsyncIterable<RecordedEvent>;
  /** How many events the log holds now (for progress bars). */
  countEvents(): Promise<number>;
  /**
   * Up to `limit` events matching the filter with a position after `after`, in global order, only
   * below every transaction still in flight, so a page's last position is a safe `after` to resume.
   */
  findEvents(page: AuditEventPage): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}
