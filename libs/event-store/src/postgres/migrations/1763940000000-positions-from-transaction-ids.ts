import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_ROLE } from './1763900000001-guard-append-only.js';

/** Events one append (one transaction) may hold: positions base + 0 … base + 4095. Frozen here; the port repeats it as MAX_EVENTS_PER_APPEND. */
const POSITIONS_PER_TRANSACTION = 4096;

/**
 * Global positions numbered from the appending transaction's id, with no lock.
 *
 * Readers take events below pg_snapshot_xmin in position order and checkpoint a position, so
 * positions must follow transaction-id order (see the first migration). The first version drew them
 * from a sequence under an advisory lock held around "take the xid, draw the positions"; measured
 * with pgbench (32 connections, 2 cores, durable commits) that lock halved the append rate, as
 * every backend queued behind whichever holder the scheduler had paused.
 *
 * Now the order is built into the number: position = base + xid × 4096 + i, for the i-th event
 * (0-based) of the append. Transaction ids are unique and only grow (xid8 never wraps), so positions
 * are unique, strictly increasing in transaction-id order, and in append order within a
 * transaction — exactly the order the xmin filter releases events in, with nothing to coordinate.
 * Positions are no longer consecutive (like EventStoreDB's commit positions, they only grow);
 * nothing in the contract counts on gaps being absent. They stay below 2^53, exact in JavaScript,
 * for 2^41 transactions (70 years at 1,000 transactions a second).
 *
 * `base` is one past the highest position already in the log, so every new position sorts after
 * every old one; the table is locked while it is read, so no append of the old kind is in flight.
 * The column loses its sequence default: an INSERT that does not go through reserve_positions now
 * fails instead of slipping a low position in behind newer events.
 */
export class PositionsFromTransactionIds1763940000000 implements MigrationInterface {
  name = 'PositionsFromTransactionIds1763940000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`LOCK TABLE event_store.events IN EXCLUSIVE MODE`);
    const [{ base }] = (await runner.query(
      `SELECT (coalesce(max(global_position), 0) + 1)::text AS base FROM event_store.events`,
    )) as [{ base: string }];
    if (!/^\d+$/.test(base)) throw new Error(`unexpected position base ${base}`);
    await runner.query(`ALTER TABLE event_store.events ALTER COLUMN global_position DROP DEFAULT`);
    await runner.query(`
      CREATE OR REPLACE FUNCTION event_store.reserve_positions(p_count integer, OUT transaction_id xid8, OUT positions bigint[])
      LANGUAGE plpgsql AS $fn$
      DECLARE
        first_position bigint;
      BEGIN
        IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
          RAISE EXCEPTION 'event_store: an append must be the first write of its transaction'
            USING HINT = 'Positions are numbered from the transaction id: a second append in one transaction would reuse them.';
        END IF;
        IF p_count < 1 OR p_count > ${POSITIONS_PER_TRANSACTION} THEN
          RAISE EXCEPTION 'event_store: an append holds 1 to ${POSITIONS_PER_TRANSACTION} events, not %', p_count
            USING ERRCODE = 'program_limit_exceeded';
        END IF;
        transaction_id := pg_current_xact_id();
        first_position := ${base} + (transaction_id::text::bigint) * ${POSITIONS_PER_TRANSACTION};
        positions := ARRAY(SELECT generate_series(first_position, first_position + p_count - 1));
      END
      $fn$`);
    await runner.query(
      `GRANT EXECUTE ON FUNCTION event_store.reserve_positions(integer) TO ${APPLICATION_ROLE}`,
    );
  }

  async down(): Promise<void> {
    // Positions already numbered from transaction ids cannot go back under a sequence: the
    // sequence would hand out numbers below them. Restore a backup taken before this migration.
    throw new Error('PositionsFromTransactionIds cannot be undone');
  }
}
