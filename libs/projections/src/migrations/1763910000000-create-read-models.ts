import type { MigrationInterface, QueryRunner } from 'typeorm';

// A fact (one row per event) is keyed by its event's global position: increasing, so inserts append
// to the end of the key's index, and it joins event_store.events' key. Names follow PostgreSQL's own
// pattern (`<table>_pkey`, `<table>_<columns>_idx`); a rebuild recreates them under the same names.
const factColumns = `global_position bigint NOT NULL, event_id text NOT NULL, case_id text NOT NULL, occurred_at timestamptz NOT NULL`;
const caseFact = (table: string, columns: string) => [
  `CREATE TABLE read_models.${table} (${factColumns}, ${columns}, CONSTRAINT ${table}_pkey PRIMARY KEY (global_position))`,
  `CREATE INDEX ${table}_case_id_occurred_at_global_position_idx ON read_models.${table} (case_id, occurred_at, global_position)`,
];

const up = [
  `CREATE SCHEMA IF NOT EXISTS read_models`,
  `CREATE TABLE read_models.projection_checkpoints (
     projection text NOT NULL, position bigint NOT NULL, last_recorded_at timestamptz, version integer NOT NULL,
     rebuilt_at timestamptz, updated_at timestamptz NOT NULL, CONSTRAINT projection_checkpoints_pkey PRIMARY KEY (projection))`,
  `CREATE TABLE read_models.cases (
     case_id text NOT NULL, received_at timestamptz NOT NULL, channel text NOT NULL, complainant_type text NOT NULL,
     complainant_id text NOT NULL, complainant_name text, distributor_id text, order_id text, subject text NOT NULL,
     event_id text NOT NULL, global_position bigint NOT NULL, CONSTRAINT cases_pkey PRIMARY KEY (case_id))`,
  `CREATE INDEX cases_received_at_idx ON read_models.cases (received_at)`,
  ...caseFact(
    'case_sortings',
    `category text NOT NULL, complexity integer NOT NULL, priority text NOT NULL, sorted_by text NOT NULL`,
  ),
  ...caseFact(
    'case_priority_raises',
    `from_priority text NOT NULL, to_priority text NOT NULL, reason text NOT NULL`,
  ),
  ...caseFact(
    'case_assignments',
    `assignee_id text NOT NULL, previous_assignee_id text, reason text NOT NULL`,
  ),
  ...caseFact('case_status_changes', `status text NOT NULL, note text NOT NULL, resolved_by text`),
  ...caseFact('case_responses', `channel text NOT NULL, responded_by text NOT NULL`),
  ...caseFact('case_repeat_contacts', `channel text NOT NULL`),
  ...caseFact('case_ratings', `rating text NOT NULL`),
  `CREATE TABLE read_models.follow_ups (
     case_id text NOT NULL, follow_up_id text NOT NULL, due_at timestamptz NOT NULL, description text NOT NULL,
     promised_by text NOT NULL, promised_at timestamptz NOT NULL, promised_position bigint NOT NULL,
     completed_at timestamptz, completed_by text, completed_position bigint,
     CONSTRAINT follow_ups_pkey PRIMARY KEY (case_id, follow_up_id))`,
  `CREATE INDEX follow_ups_due_at_idx ON read_models.follow_ups (due_at)`,
  `CREATE TABLE read_models.staff_changes (
     event_id text NOT NULL, staff_id text NOT NULL, occurred_at timestamptz NOT NULL, global_position bigint NOT NULL,
     change text NOT NULL, name text, roles text[], skill_level integer, active boolean,
     CONSTRAINT staff_changes_pkey PRIMARY KEY (global_position))`,
  `CREATE INDEX staff_changes_staff_id_occurred_at_global_position_idx ON read_models.staff_changes (staff_id, occurred_at, global_position)`,
  `CREATE TABLE read_models.service_standards (
     event_id text NOT NULL, version integer NOT NULL, occurred_at timestamptz NOT NULL, global_position bigint NOT NULL,
     first_response_hours_mail numeric NOT NULL, first_response_hours_email numeric NOT NULL, first_response_hours_web numeric NOT NULL,
     first_response_hours_social numeric NOT NULL, first_response_hours_phone numeric NOT NULL, first_response_hours_chat numeric NOT NULL,
     goodwill_pct_of_sales_guideline numeric NOT NULL, goodwill_per_grant_limit_cents bigint NOT NULL, refund_limit_cents bigint NOT NULL,
     CONSTRAINT service_standards_pkey PRIMARY KEY (global_position))`,
  `CREATE TABLE read_models.orders (
     order_id text NOT NULL, distributor_id text, customer_id text, total_cents bigint, placed_at timestamptz, placed_position bigint,
     cancelled_at timestamptz, cancelled_position bigint, cancel_reason text, CONSTRAINT orders_pkey PRIMARY KEY (order_id))`,
  `CREATE INDEX orders_placed_at_idx ON read_models.orders (placed_at)`,
  `CREATE INDEX orders_cancelled_at_idx ON read_models.orders (cancelled_at)`,
  `CREATE TABLE read_models.refunds (
     event_id text NOT NULL, refund_id text NOT NULL, order_id text NOT NULL, case_id text NOT NULL, amount_cents bigint NOT NULL,
     occurred_at timestamptz NOT NULL, global_position bigint NOT NULL, reason text NOT NULL, issued_by text NOT NULL,
     CONSTRAINT refunds_pkey PRIMARY KEY (global_position))`,
  `CREATE INDEX refunds_occurred_at_idx ON read_models.refunds (occurred_at)`,
  `CREATE INDEX refunds_case_id_idx ON read_models.refunds (case_id)`,
  `CREATE TABLE read_models.goodwill_grants (
     event_id text NOT NULL, grant_id text NOT NULL, staff_id text NOT NULL, case_id text NOT NULL, kind text NOT NULL,
     amount_cents bigint NOT NULL, sku text, quantity integer, reason text NOT NULL, approved_by text, over_budget boolean NOT NULL,
     occurred_at timestamptz NOT NULL, global_position bigint NOT NULL, CONSTRAINT goodwill_grants_pkey PRIMARY KEY (global_position))`,
  `CREATE INDEX goodwill_grants_occurred_at_idx ON read_models.goodwill_grants (occurred_at)`,
  `CREATE TABLE read_models.goodwill_budget_allocations (
     event_id text NOT NULL, staff_id text NOT NULL, month text NOT NULL, amount_cents bigint NOT NULL, allocated_by text NOT NULL,
     occurred_at timestamptz NOT NULL, global_position bigint NOT NULL, CONSTRAINT goodwill_budget_allocations_pkey PRIMARY KEY (global_position))`,
  `CREATE INDEX goodwill_budget_allocations_staff_id_month_idx ON read_models.goodwill_budget_allocations (staff_id, month)`,
];

/** The role the application works as (the event store's migration creates it too; whichever runs first wins). */
const APPLICATION_ROLE = 'caseledger_app';

// The runner and the API may work as the application role: rows yes, structure no. Rebuilds replace
// tables, so they run as the tables' owner (like migrations) and copy these grants onto the new ones.
const grants = [
  `DO $do$ BEGIN CREATE ROLE ${APPLICATION_ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $do$`,
  `GRANT USAGE ON SCHEMA read_models TO ${APPLICATION_ROLE}`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA read_models TO ${APPLICATION_ROLE}`,
];

/** The read models of SPEC §6 in schema `read_models` (documented for analysts in docs/read-models.md). */
export class CreateReadModels1763910000000 implements MigrationInterface {
  name = 'CreateReadModels1763910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...up, ...grants]) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA IF EXISTS read_models_rebuild CASCADE');
    await queryRunner.query('DROP SCHEMA IF EXISTS read_models CASCADE');
  }
}
