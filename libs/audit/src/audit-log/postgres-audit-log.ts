import { AUDIT_TUNING } from '#config';
import type { ClientConfig, Pool } from 'pg';
// The row mapping is the event store's own: how a row becomes the envelope that was hashed must be
// defined once (timestamps back to the exact strings hashed, int8 to numbers).
import {
  EVENT_COLUMNS,
  EVENT_ROW_TYPES,
  guardCheckedOut,
  inUtc,
  openPool,
  toRecordedEvent,
  withApplicationRole,
  type EventRow,
  type RecordedEvent,
} from '#event-store';
import { auditEventQuery } from './audit-event-sql.js';
import type { AuditEventPage, AuditLog } from './audit-log.js';

export interface PostgresAuditLogOptions {
  connection: ClientConfig;
  /** Role the connections work as; the application role can read everything the audit needs. Null: the login user's. */
  role?: string | null;
  /** Default 4: verification holds one connection for its whole walk, queries take the others. */
  poolSize?: number;
  /** Rows per keyset page of the chain walk. Default 1000. */
  pageSize?: number;
}

/** The audit's reader of the PostgreSQL log (schema `event_store`). Reads only. */
export class PostgresAuditLog implements AuditLog {
  private readonly pool: Pool;
  private readonly pageSize: number;

  constructor(options: PostgresAuditLogOptions) {
    // The event store's own row types in a UTC session: timestamps come back as the very strings
    // that were hashed, without a Date in between (a tenth of a full verification's time).
    // An idle client that dies is replaced by the pool; the next query reports.
    this.pool = openPool(
      {
        ...inUtc(withApplicationRole(options.connection, options.role)),
        types: EVENT_ROW_TYPES,
        max: options.poolSize ?? 4,
      },
      () => undefined,
    );
    this.pageSize = options.pageSize ?? AUDIT_TUNING.logPageSize;
  }

  /**
   * Keyset pages over the unique index (stream_id, stream_revision): each page starts where the last
   * ended, so no page costs more than its rows and memory holds one page. All pages run in one
   * REPEATABLE READ READ ONLY transaction, so the walk and its counts describe one instant of the
   * log; a read-only transaction takes no transaction id and never holds back the log's readers.
   * (Asking for the next page while the verifier hashes this one was measured: no faster on 2 cores,
   * where hashing and row parsing, not the database, take the time.)
   */
  async *eventsInChainOrder(): AsyncGenerator<RecordedEvent> {
    const client = await this.pool.connect();
    const loan = guardCheckedOut(client); // a connection lost mid-walk fails the walk, not the process
    let failure: unknown;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      let last: EventRow | undefined;
      do {
        const { rows }: { rows: EventRow[] } = await client.query<EventRow>(this.pageQuery(last));
        for (const row of rows) yield toRecordedEvent(row);
        last = rows.length === this.pageSize ? rows.at(-1) : undefined;
      } while (last !== undefined);
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      // Also when the consumer stops early: the transaction must not outlive the walk on a pooled client.
      await client.query('ROLLBACK').catch(() => undefined);
      loan.release(failure);
    }
  }

  /**
   * Every event in global-position order (the log hash's order, SPEC §7.1), in keyset pages of one
   * REPEATABLE READ READ ONLY snapshot, like eventsInChainOrder. The next page is asked for before
   * this one is handed out, so the server turns its rows into text while the caller hashes these.
   */
  async *eventsInPositionOrder(): AsyncGenerator<RecordedEvent> {
    const client = await this.pool.connect();
    const loan = guardCheckedOut(client); // as eventsInChainOrder: a lost connection fails the walk only
    let failure: unknown;
    const page = (after: number): Promise<{ rows: EventRow[] }> =>
      client.query<EventRow>({
        name: 'audit_events_in_position_order',
        text: `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
        values: [after, this.pageSize],
      });
    let pending: Promise<{ rows: EventRow[] }> | undefined;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      pending = page(0);
      for (;;) {
        const rows: EventRow[] = (await pending).rows;
        pending = rows.length === this.pageSize ? page(Number(rows.at(-1)!.global_position)) : undefined;
        for (const row of rows) yield toRecordedEvent(row);
        if (pending === undefined) return;
      }
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      await pending?.catch(() => undefined); // a page asked for but not wanted: let it land first
      await client.query('ROLLBACK').catch(() => undefined);
      loan.release(failure);
    }
  }

  private pageQuery(after: EventRow | undefined): { text: string; values: unknown[] } {
    if (after === undefined) {
      return {
        text: `SELECT ${EVENT_COLUMNS} FROM event_store.events ORDER BY stream_id, stream_revision LIMIT $1`,
        values: [this.pageSize],
      };
    }
    return {
      text: `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE (stream_id, stream_revision) > ($1, $2)
             ORDER BY stream_id, stream_revision LIMIT $3`,
      values: [after.stream_id, after.stream_revision, this.pageSize],
    };
  }

  async countEvents(): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      'SELECT count(*) AS count FROM event_store.events',
    );
    return Number(rows[0]?.count ?? 0);
  }

  async findEvents(page: AuditEventPage): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(auditEventQuery(EVENT_COLUMNS, page));
    return rows.map(toRecordedEvent);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
