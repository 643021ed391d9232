import type { Pool } from 'pg';
import { EVENT_SCHEMAS, type EventType } from '#domain';
import type { EventFacts } from '#event-store';
import { inReadModelSnapshot } from '../reports/read-model-snapshot.js';

/** Where the department's workload stands in the read models: facts to fold, and the position they cover. */
export interface WorkloadSeed {
  /** Every event up to here is in `facts`' effect; later ones are folded from the log. */
  position: number;
  /**
   * Events in the shape the workload folds, standing for what the log holds up to `position`:
   * staff registrations and changes in log order; per open case its complaint, latest sort and
   * latest assignment. Closed cases are left out (they weigh nothing); a later event of one (a
   * reopening) makes the workload read that case's stream. Each event sets its fields outright
   * (last writer wins, in log order), so folding them gives the state a fold of the whole log
   * gives, and folding again events the read models already hold (a projection ahead of
   * `position`) changes nothing.
   */
  facts: EventFacts[];
}

/**
 * Auto-assignment's starting point after a restart, read from the read models in one snapshot
 * instead of folding the whole log: its cost follows the staff and the open cases (a partial index
 * on `case_loads`), not the events or the cases the log ever held.
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
    }>(`SELECT case_id, complexity, assignee_id FROM read_models.case_loads WHERE open`);
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
    }
    return { position, facts };
  });
}

/** A fact this build writes down from the read models: in the current shape of its type. */
function fact(type: EventType, data: Record<string, unknown>, globalPosition = 0): EventFacts {
  return {
    eventId: '',
    type,
    streamId: '',
    streamRevision: 0,
    globalPosition,
    occurredAt: '',
    recordedAt: '',
    data,
    schemaVersion: EVENT_SCHEMAS.versionOf(type),
  };
}
