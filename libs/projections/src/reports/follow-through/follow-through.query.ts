import type { ClientBase } from 'pg';
import { DEFAULT_STANDARDS, type Channel } from '#domain';
import { iso } from '../read-model-snapshot.js';
import type { FollowUpAsOf, ReceivedCaseAsOf } from './follow-through.js';

/** Follow-ups due in [from, to) promised by asOf; a completion after asOf has not happened yet. */
export async function followUpsDue(
  client: ClientBase,
  from: string,
  to: string,
  asOf: string,
): Promise<FollowUpAsOf[]> {
  const { rows } = await client.query<{ due_at: Date; promised_by: string; completed_at: Date | null }>(
    `SELECT due_at, promised_by, CASE WHEN completed_at <= $3 THEN completed_at END AS completed_at
     FROM read_models.follow_ups
     WHERE promised_position > 0 AND promised_at <= $3 AND due_at >= $1 AND due_at < $2`,
    [from, to, asOf],
  );
  return rows.map((r) => ({
    dueAt: iso(r.due_at)!,
    promisedBy: r.promised_by,
    completedAt: iso(r.completed_at),
  }));
}

interface CaseRow {
  channel: Channel;
  received_at: Date;
  assignee_id: string | null;
  window_hours: string | null;
  first_response_at: Date | null;
  first_resolved_at: Date | null;
  reopened: boolean;
  repeat_contacts: number;
  first_refund_at: Date | null;
  ratings: string[];
}

const asOfFacts = (table: string, what: string, extra = '') =>
  `(SELECT ${what} FROM read_models.${table} x WHERE x.case_id = c.case_id AND x.occurred_at <= $3 ${extra})`;

/** Cases received in [from, to) by asOf, each with what had happened to it by asOf. */
export async function casesReceived(
  client: ClientBase,
  from: string,
  to: string,
  asOf: string,
): Promise<ReceivedCaseAsOf[]> {
  const { rows } = await client.query<CaseRow>(
    `SELECT c.channel, c.received_at,
       ${asOfFacts('case_assignments', 'x.assignee_id', 'ORDER BY x.occurred_at DESC, x.global_position DESC LIMIT 1')} AS assignee_id,
       ${asOfFacts('case_responses', 'min(x.occurred_at)')} AS first_response_at,
       ${asOfFacts('case_status_changes', 'min(x.occurred_at)', "AND x.status = 'resolved'")} AS first_resolved_at,
       EXISTS ${asOfFacts('case_status_changes', '1', "AND x.status = 'reopened'")} AS reopened,
       ${asOfFacts('case_repeat_contacts', 'count(*)::int')} AS repeat_contacts,
       ${asOfFacts('refunds', 'min(x.occurred_at)')} AS first_refund_at,
       ${asOfFacts('case_ratings', "coalesce(array_agg(x.rating), '{}')")} AS ratings,
       CASE c.channel WHEN 'mail' THEN st.first_response_hours_mail WHEN 'email' THEN st.first_response_hours_email
         WHEN 'web' THEN st.first_response_hours_web WHEN 'social' THEN st.first_response_hours_social
         WHEN 'phone' THEN st.first_response_hours_phone WHEN 'chat' THEN st.first_response_hours_chat END AS window_hours
     FROM read_models.cases c
     LEFT JOIN LATERAL (
       SELECT * FROM read_models.service_standards s WHERE s.occurred_at <= c.received_at
       ORDER BY s.occurred_at DESC, s.global_position DESC LIMIT 1) st ON true
     WHERE c.received_at >= $1 AND c.received_at < $2 AND c.received_at <= $3`,
    [from, to, asOf],
  );
  return rows.map((r) => ({
    receivedAt: iso(r.received_at)!,
    assigneeId: r.assignee_id,
    // The standards in force when the case was received; version 1's defaults before any was set.
    firstResponseHours:
      r.window_hours === null ? DEFAULT_STANDARDS.firstResponseHours[r.channel] : Number(r.window_hours),
    firstResponseAt: iso(r.first_response_at),
    firstResolvedAt: iso(r.first_resolved_at),
    reopened: r.reopened,
    repeatContacts: r.repeat_contacts,
    firstRefundAt: iso(r.first_refund_at),
    ratings: r.ratings,
  }));
}
