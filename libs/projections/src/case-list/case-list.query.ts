import type { ClientBase } from 'pg';
import { iso } from '../reports/read-model-snapshot.js';
import type { CaseListFilter, CaseListItem } from './case-list.js';

const latest = (table: string, columns: string) =>
  `SELECT DISTINCT ON (case_id) case_id, ${columns} FROM read_models.${table}
   ORDER BY case_id, occurred_at DESC, global_position DESC`;

/** LIKE treats % and _ as wildcards; a subject search means the characters as typed. */
const likeEscaped = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The cases as the case-timeline read model knows them now (latest fact by business time, ties by
 * position — as the reports read it), filtered and paged, newest received first. The current state
 * is derived at query time from the same fact tables the reports use, so there is no second copy
 * of a case's state to keep in step.
 */
export async function caseListQuery(
  client: ClientBase,
  filter: CaseListFilter,
): Promise<{ cases: CaseListItem[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown) => (params.push(value), `$${params.length}`);
  if (filter.status) where.push(`status = ${bind(filter.status)}`);
  if (filter.assigneeId === 'none') where.push('assignee_id IS NULL');
  else if (filter.assigneeId) where.push(`assignee_id = ${bind(filter.assigneeId)}`);
  if (filter.category) where.push(`category = ${bind(filter.category)}`);
  if (filter.priority) where.push(`priority = ${bind(filter.priority)}`);
  if (filter.channel) where.push(`channel = ${bind(filter.channel)}`);
  if (filter.complainantId) where.push(`complainant_id = ${bind(filter.complainantId)}`);
  if (filter.receivedFrom) where.push(`received_at >= ${bind(filter.receivedFrom)}`);
  if (filter.receivedTo) where.push(`received_at < ${bind(filter.receivedTo)}`);
  if (filter.subject) where.push(`subject ILIKE ${bind(likeEscaped(filter.subject))}`);
  const { rows } = await client.query<{
    case_id: string;
    status: 'open' | 'resolved';
    received_at: Date;
    channel: string;
    complainant_type: string;
    complainant_id: string;
    complainant_name: string | null;
    distributor_id: string | null;
    subject: string;
    category: string | null;
    complexity: number | null;
    priority: string | null;
    assignee_id: string | null;
    total: string;
  }>(
    `WITH status AS (${latest('case_status_changes', 'status')}),
     assignment AS (${latest('case_assignments', 'assignee_id')}),
     sorting AS (${latest('case_sortings', 'category, complexity, priority, occurred_at, global_position')}),
     raise AS (${latest('case_priority_raises', 'to_priority, occurred_at, global_position')}),
     listed AS (
       SELECT c.case_id, c.received_at, c.channel, c.complainant_type, c.complainant_id, c.complainant_name,
         c.distributor_id, c.subject, s.category, s.complexity, a.assignee_id,
         CASE WHEN st.status = 'resolved' THEN 'resolved' ELSE 'open' END AS status,
         CASE WHEN s.case_id IS NULL THEN NULL
              WHEN p.case_id IS NOT NULL AND (p.occurred_at, p.global_position) > (s.occurred_at, s.global_position) THEN p.to_priority
              ELSE s.priority END AS priority
       FROM read_models.cases c LEFT JOIN status st USING (case_id) LEFT JOIN assignment a USING (case_id)
         LEFT JOIN sorting s USING (case_id) LEFT JOIN raise p USING (case_id))
     SELECT *, count(*) OVER () AS total FROM listed
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY received_at DESC, case_id LIMIT ${bind(filter.limit)} OFFSET ${bind(filter.offset)}`,
    params,
  );
  return {
    total: rows.length ? Number(rows[0].total) : await countOnly(client, filter, rows.length),
    cases: rows.map((r) => ({
      caseId: r.case_id,
      status: r.status,
      receivedAt: iso(r.received_at)!,
      channel: r.channel,
      complainant: { type: r.complainant_type, id: r.complainant_id, name: r.complainant_name },
      distributorId: r.distributor_id,
      subject: r.subject,
      category: r.category,
      complexity: r.complexity,
      priority: r.priority,
      assigneeId: r.assignee_id,
    })),
  };
}

/** A page past the end has no row to carry the window count; ask again from the start. */
async function countOnly(client: ClientBase, filter: CaseListFilter, found: number): Promise<number> {
  if (filter.offset === 0) return found;
  const again = await caseListQuery(client, { ...filter, offset: 0, limit: 1 });
  return again.total;
}
