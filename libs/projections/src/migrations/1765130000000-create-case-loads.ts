import type { MigrationInterface, QueryRunner } from 'typeorm';

const latest = (table: string, columns: string) =>
  `SELECT DISTINCT ON (case_id) case_id, ${columns}, global_position FROM read_models.${table} ORDER BY case_id, global_position DESC`;

const up = [
  `CREATE TABLE read_models.case_loads (
     case_id text NOT NULL, open boolean NOT NULL, assignee_id text, complexity integer, global_position bigint NOT NULL,
     CONSTRAINT case_loads_pkey PRIMARY KEY (case_id))`,
  `CREATE INDEX case_loads_open_idx ON read_models.case_loads (case_id) WHERE open`,
  // Filled from the case timeline's facts as they stand, so a deployment upgrading needs no rebuild:
  // the latest of each kind in log order, as the projection keeps it from here on.
  `INSERT INTO read_models.case_loads (case_id, open, assignee_id, complexity, global_position)
   SELECT c.case_id, st.status IS DISTINCT FROM 'resolved', a.assignee_id, s.complexity,
          GREATEST(c.global_position, s.global_position, a.global_position, st.global_position)
     FROM read_models.cases c
     LEFT JOIN (${latest('case_sortings', 'complexity')}) s USING (case_id)
     LEFT JOIN (${latest('case_assignments', 'assignee_id')}) a USING (case_id)
     LEFT JOIN (${latest('case_status_changes', 'status')}) st USING (case_id)`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON read_models.case_loads TO caseledger_app`,
];

/** Each case's load now, so auto-assignment after a restart reads the open cases only (issue 21, part 5). */
export class CreateCaseLoads1765130000000 implements MigrationInterface {
  name = 'CreateCaseLoads1765130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS read_models_rebuild.case_loads');
    await queryRunner.query('DROP TABLE IF EXISTS read_models.case_loads');
  }
}
