import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the application works as: it may read and append, never change or remove (SPEC §7). */
export const APPLICATION_ROLE = 'caseledger_app';

/**
 * The log is append-only in the database itself, twice over:
 * - triggers refuse UPDATE, DELETE and TRUNCATE of events for every role, owner included (only a
 *   superuser who disables the triggers on purpose gets past them);
 * - the application's role is granted SELECT and INSERT only, so even without the triggers its
 *   statements would fail on privileges.
 * The role is NOLOGIN: the application logs in as whoever the operator chose and works as the role
 * (see `applicationRoleOptions` in pool.ts). Roles are cluster-wide, so creation tolerates a role
 * made by another database's migration, racing or earlier, and `down` leaves the role in place.
 */
export class GuardAppendOnly1763900000001 implements MigrationInterface {
  name = 'GuardAppendOnly1763900000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION event_store.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'event_store.events is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'Correct with a new event.';
      END
      $fn$`);
    // Statement-level: a DELETE matching no row is refused too, and no per-row cost exists to pay.
    await runner.query(`
      CREATE TRIGGER events_refuse_update_delete BEFORE UPDATE OR DELETE ON event_store.events
      FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_change()`);
    await runner.query(`
      CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON event_store.events
      FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_change()`);
    await runner.query(`
      DO $do$ BEGIN
        CREATE ROLE ${APPLICATION_ROLE} NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $do$`);
    await runner.query(`GRANT USAGE ON SCHEMA event_store TO ${APPLICATION_ROLE}`);
    await runner.query(
      `GRANT SELECT, INSERT ON event_store.events, event_store.idempotency_keys TO ${APPLICATION_ROLE}`,
    );
    // USAGE allows nextval (drawing positions) but not setval.
    await runner.query(
      `GRANT USAGE ON SEQUENCE event_store.events_global_position_seq TO ${APPLICATION_ROLE}`,
    );
    await runner.query(
      `GRANT EXECUTE ON FUNCTION event_store.reserve_positions(integer) TO ${APPLICATION_ROLE}`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA event_store FROM ${APPLICATION_ROLE}`);
    await runner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA event_store FROM ${APPLICATION_ROLE}`);
    await runner.query(`REVOKE ALL ON SCHEMA event_store FROM ${APPLICATION_ROLE}`);
    await runner.query(`DROP TRIGGER events_refuse_truncate ON event_store.events`);
    await runner.query(`DROP TRIGGER events_refuse_update_delete ON event_store.events`);
    await runner.query(`DROP FUNCTION event_store.refuse_change()`);
  }
}
