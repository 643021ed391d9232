import type { ClientBase } from 'pg';
import { iso } from '../read-model-snapshot.js';
import type { OpenCaseAsOf } from './rep-workload.js';

const latestAsOf = (table: string, columns: string) =>
  `SELECT DISTINCT ON (case_id) case_id, ${columns} FROM read_models.${table}
   WHERE occurred_at <= $1 AND case_id IN (SELECT case_id FROM open_cases)
   ORDER BY case_id, occurred_at DESC, global_position DESC`;

/**
 * Cases open at asOf (received by then, and not resolved by the latest resolve/reopen as of then),
 * with the latest assignee, complexity and priority as of asOf. Priority is the latest of the
 * sort's and a repeat contact's raise; a never-sorted case has neither complexity nor priority.
 */
export async function openCasesAsOf(client: ClientBase, asOf: string): Promise<OpenCaseAsOf[]> {
  const { rows } = await client.query<{
    case_id: string;
    received_at: Date;
    assignee_id: string | null;
    complexity: number | null;
    priority: OpenCaseAsOf['priority'];
  }>(
    `WITH latest_status AS (
       SELECT DISTINCT ON (case_id) case_id, status FROM read_models.case_status_changes
       WHERE occurred_at <= $1 ORDER BY case_id, occurred_at DESC, global_position DESC),
     open_cases AS (
       SELECT c.case_id, c.received_at FROM read_models.cases c LEFT JOIN latest_status s USING (case_id)
       WHERE c.received_at <= $1 AND s.status IS DISTINCT FROM 'resolved'),
     assignment AS (${latestAsOf('case_assignments', 'assignee_id')}),
     sorting AS (${latestAsOf('case_sortings', 'complexity, priority, occurred_at, global_position')}),
     raise AS (${latestAsOf('case_priority_raises', 'to_priority, occurred_at, global_position')})
     SELECT o.case_id, o.received_at, a.assignee_id, s.complexity,
       CASE WHEN s.case_id IS NULL THEN NULL
            WHEN p.case_id IS NOT NULL AND (p.occurred_at, p.global_position) > (s.occurred_at, s.global_position) THEN p.to_priority
            ELSE s.priority END AS priority
     FROM open_cases o LEFT JOIN assignment a USING (case_id) LEFT JOIN sorting s USING (case_id) LEFT JOIN raise p USING (case_id)`,
    [asOf],
  );
  return rows.map((r) => ({
    caseId: r.case_id,
    receivedAt: iso(r.received_at)!,
    assigneeId: r.assignee_id,
    complexity: r.complexity,
    priority: r.priority,
  }));
}
