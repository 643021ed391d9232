import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The log and the idempotency records. The unique key (stream_id, stream_revision) is the only
 * concurrency guard: two writers expecting the same revision both try to insert the next one and
 * the second gets SQL error 23505 on `events_stream_revision_key` (castore's approach), so no
 * append ever reads-then-writes under a lock.
 *
 * `transaction_id` (xid8) lets readers of the global order stop below every transaction still in
 * flight (`transaction_id < pg_snapshot_xmin(pg_current_snapshot())`): a transaction that drew a
 * lower global_position but commits late is then never passed over (emmett's readMessagesBatch).
 * `reserve_positions` below makes that safe for position order too — see its comment.
 */
export class CreateEventLog1763900000000 implements MigrationInterface {
  name = 'CreateEventLog1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS event_store`);
    await runner.query(`
      CREATE TABLE event_store.events (
        global_position bigserial   PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        event_id        uuid        NOT NULL,
        stream_id       text        NOT NULL,
        stream_revision bigint      NOT NULL CHECK (stream_revision >= 0),
        type            text        NOT NULL,
        occurred_at     timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        hash            char(64)    NOT NULL,
        prev_hash       char(64)    NOT NULL,
        CONSTRAINT events_event_id_key UNIQUE (event_id),
        CONSTRAINT events_stream_revision_key UNIQUE (stream_id, stream_revision)
      )`);
    // readStream uses events_stream_revision_key, readAll the primary key. The rest serve the audit
    // trail (who did what, which kind, when) and a case's history, which includes the goodwill
    // grants and refunds recorded in other streams (they carry data.caseId).
    await runner.query(
      `CREATE INDEX events_actor_idx ON event_store.events ((metadata->>'actorId'), global_position)`,
    );
    await runner.query(`CREATE INDEX events_type_idx ON event_store.events (type, global_position)`);
    await runner.query(`CREATE INDEX events_occurred_at_idx ON event_store.events (occurred_at)`);
    await runner.query(
      `CREATE INDEX events_case_id_idx ON event_store.events ((data->>'caseId'), global_position) WHERE (data->>'caseId') IS NOT NULL`,
    );
    await runner.query(`
      CREATE TABLE event_store.idempotency_keys (
        key             text        PRIMARY KEY,
        request_hash    text        NOT NULL,
        answer          jsonb       NOT NULL,
        stream_id       text,
        revision        bigint,
        global_position bigint,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(RESERVE_POSITIONS);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SCHEMA event_store CASCADE`);
  }
}

/** Advisory-lock key (1701999001, 1) is the event store's own; nothing else in the database uses it. */
const RESERVE_POSITIONS = `
  -- Gives one append its transaction id and its global positions, in that order, under a short
  -- lock, and checks that nothing was written before in the same transaction.
  --
  -- Why: readers return events below pg_snapshot_xmin ordered by global_position and checkpoint a
  -- position. That only never skips an event if positions are drawn in transaction-id order: were
  -- transaction A (xid 10) to draw position 7 after B (xid 11) drew 6, A could commit while B is in
  -- flight, a reader would pass 7 (10 < xmin 11), and B's 6 would land behind it. Drawing the xid and
  -- every position of the transaction inside one critical section rules that interleaving out.
  -- The lock is held for microseconds (no row is written under it) and released before the insert,
  -- so unique-key waits between writers never happen under it.
  -- Measured with pgbench (2 cores, durable commits): within noise of a plain INSERT at 10
  -- connections, about 30 % fewer appends per second at 32 connections (the lock convoys).
  CREATE FUNCTION event_store.reserve_positions(p_count integer, OUT transaction_id xid8, OUT positions bigint[])
  LANGUAGE plpgsql AS $fn$
  BEGIN
    IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
      RAISE EXCEPTION 'event_store: an append must be the first write of its transaction'
        USING HINT = 'Positions are drawn in transaction-id order; a transaction that wrote before cannot keep that order.';
    END IF;
    PERFORM pg_advisory_lock(1701999001, 1);
    BEGIN
      transaction_id := pg_current_xact_id();
      FOR i IN 1..p_count LOOP
        positions[i] := nextval('event_store.events_global_position_seq');
      END LOOP;
    EXCEPTION WHEN OTHERS OR query_canceled THEN
      -- A session lock outlives the statement: never leave it behind on a pooled connection.
      PERFORM pg_advisory_unlock(1701999001, 1);
      RAISE;
    END;
    PERFORM pg_advisory_unlock(1701999001, 1);
  END
  $fn$`;
