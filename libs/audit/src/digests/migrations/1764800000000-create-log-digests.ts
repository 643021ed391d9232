import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the application works as (the event store's migration creates it too; whichever runs first wins). */
const APPLICATION_ROLE = 'caseledger_app';

/**
 * Signed log digests (SPEC §7.1) and the issuer's checkpoint. The checkpoint (one row) carries the
 * running log hash and count; the issuer moves it with compare-and-set in the transaction that
 * inserts the digest, so two issuers can never both extend the same position, and `position` as
 * the digests' primary key means one digest per position, ever. The application role may read and
 * add digests and keys, never change or remove them.
 */
export class CreateLogDigests1764800000000 implements MigrationInterface {
  name = 'CreateLogDigests1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE SCHEMA IF NOT EXISTS audit');
    await runner.query(`
      CREATE TABLE audit.log_digests (
        position    bigint   NOT NULL,
        event_count bigint   NOT NULL CHECK (event_count > 0),
        log_hash    char(64) NOT NULL,
        issued_at   text     NOT NULL,
        key_id      text     NOT NULL,
        signature   text     NOT NULL,
        CONSTRAINT log_digests_pkey PRIMARY KEY (position)
      )`);
    await runner.query(`
      CREATE TABLE audit.digest_checkpoint (
        name        text     NOT NULL,
        position    bigint   NOT NULL,
        event_count bigint   NOT NULL,
        log_hash    char(64) NOT NULL,
        CONSTRAINT digest_checkpoint_pkey PRIMARY KEY (name)
      )`);
    await runner.query(`INSERT INTO audit.digest_checkpoint VALUES ('log', 0, 0, repeat('0', 64))`);
    await runner.query(`
      CREATE TABLE audit.signing_keys (
        key_id        text        NOT NULL,
        jwk           jsonb       NOT NULL,
        first_used_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT signing_keys_pkey PRIMARY KEY (key_id)
      )`);
    await runner.query(
      `DO $do$ BEGIN CREATE ROLE ${APPLICATION_ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $do$`,
    );
    await runner.query(`GRANT USAGE ON SCHEMA audit TO ${APPLICATION_ROLE}`);
    await runner.query(
      `GRANT SELECT, INSERT ON audit.log_digests, audit.signing_keys TO ${APPLICATION_ROLE}`,
    );
    await runner.query(`GRANT SELECT, UPDATE ON audit.digest_checkpoint TO ${APPLICATION_ROLE}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SCHEMA IF EXISTS audit CASCADE');
  }
}
