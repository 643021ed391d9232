import type { Pool } from 'pg';
import type { EventFacts } from '#event-store';
import { inReadModelSnapshot } from '../reports/read-model-snapshot.js';

/** Where the department's workload stands in the read models: facts to fold, and the position they cover. */
export interface WorkloadSeed {
  /** Every event up to here is in `facts`' effect; later ones are folded from the log. */
  position: number;
  /**
   * Events in the shape the workload folds, one set per staff member and case, standing for what
   * the log holds up to `position`: staff registrations and changes in log order; per case its
   * complaint, then its latest sort, latest assignment, and resolution when its latest status is
   * resolved. Each of these sets its fields outright (last writer wins, in log order), so folding
   * them gives the state a fold of the whole log gives, and folding again events the read models
   * already hold (a projection ahead of `position`) changes nothing.
   */
  facts: EventFacts[];
}

const LATEST_BY_LOG_ORDER = (table: string, columns: string) =>
  `SELECT DISTINCT ON (case_id) case_id, ${columns} FROM read_models.${table} ORDER BY case_id, global_position DESC`;

/**
 * Auto-assignment's starting point after a restart, read from the read models in one snapshot
 * instead of folding the whole log: its cost follows the number of cases and staff, not of events.
 */
export function readWorkloadSeed(pool: Pool): Promise<WorkloadSeed> {
  return inReadModelSnapshot(pool, async (client, position) => {
    const staff = await client.query<{
      global_position: string;
      staff_id: string;
      change: 'registered' | 'changed';
      roles: string[] | null;
      skill_level: number | null;
      active: boolean | null;
    }>(
      `SELECT global_position, staff_id, change, roles, skill_level, active
         FROM read_models.staff_changes ORDER BY global_position`,
    );
    const cases = await client.query<{
      case_id: string;
      complexity: number | null;
      assignee_id: string | null;
      status: 'resolved' | 'reopened' | null;
    }>(
      `WITH sorting AS (${LATEST_BY_LOG_ORDER('case_sortings', 'complexity')}),
            assignment AS (${LATEST_BY_LOG_ORDER('case_assignments', 'assignee_id')}),
            status AS (${LATEST_BY_LOG_ORDER('case_status_changes', 'status')})
       SELECT c.case_id, s.complexity, a.assignee_id, st.status
         FROM read_models.cases c
         LEFT JOIN sorting s USING (case_id) LEFT JOIN assignment a USING (case_id) LEFT JOIN status st USING (case_id)`,
    );
    const facts: EventFacts[] = [];
    for (const row of staff.rows)
      facts.push(
        fact(
          row.change === 'registered' ? 'StaffMemberRegistered' : 'StaffMemberChanged',
          {
            staffId: row.staff_id,
            ...(row.roles !== null ? { roles: row.roles } : {}),
            ...(row.skill_level !== null ? { skillLevel: row.skill_level } : {}),
            ...(row.change === 'changed' && row.active !== null ? { active: row.active } : {}),
          },
          Number(row.global_position),
        ),
      );
    for (const row of cases.rows) {
      facts.push(fact('ComplaintReceived', { caseId: row.case_id }));
      if (row.complexity !== null)
        facts.push(fact('CaseSorted', { caseId: row.case_id, complexity: row.complexity }));
      if (row.assignee_id !== null)
        facts.push(fact('CaseAssigned', { caseId: row.case_id, assigneeId: row.assignee_id }));
      if (row.status === 'resolved') facts.push(fact('CaseResolved', { caseId: row.case_id }));
    }
    return { position, facts };
  });
}

function fact(type: string, data: Record<string, unknown>, globalPosition = 0): EventFacts {
  return {
    eventId: '',
    type,
    streamId: '',
    streamRevision: 0,
    globalPosition,
    occurredAt: '',
    recordedAt: '',
    data,
  };
}
