import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the application works as (the event store's migration creates it too; whichever runs first wins). */
const APPLICATION_ROLE = 'caseledger_app';

/**
 * Where the outbound publisher keeps how far it got, one row per destination topic: the global
 * position of the last event the broker acknowledged. Written only by the publisher that holds the
 * lock, so a plain row is enough; `updated_at` is for operators.
 */
export class CreatePublisherCheckpoint1763920000000 implements MigrationInterface {
  name = 'CreatePublisherCheckpoint1763920000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE SCHEMA IF NOT EXISTS messaging');
    await runner.query(`
      CREATE TABLE messaging.publisher_checkpoint (
        topic text NOT NULL,
        position bigint NOT NULL DEFAULT 0 CHECK (position >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT publisher_checkpoint_pkey PRIMARY KEY (topic)
      )`);
    await runner.query(
      `DO $do$ BEGIN CREATE ROLE ${APPLICATION_ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $do$`,
    );
    await runner.query(`GRANT USAGE ON SCHEMA messaging TO ${APPLICATION_ROLE}`);
    await runner.query(
      `GRANT SELECT, INSERT, UPDATE ON messaging.publisher_checkpoint TO ${APPLICATION_ROLE}`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS messaging.publisher_checkpoint');
    await runner.query('DROP SCHEMA IF EXISTS messaging');
  }
}
