import { Entity, Index } from 'typeorm';
import { bigintColumn, instantColumn, integerColumn, textColumn, positionKey, textKey } from '../columns.js';
import { READ_MODELS_SCHEMA as schema } from '../schema.js';

// The case timeline keeps every business fact of a case with its occurredAt and global position, so
// each report can ask "the latest as of asOf" (by occurredAt, ties by position) at query time:
// mail arrives back-dated, and a fact recorded late must still land at its business time.

/** One row per case, from its ComplaintReceived. */
@Entity({ name: 'cases', schema })
@Index('cases_received_at_idx', ['receivedAt'])
export class ReceivedCase {
  @textKey('case_id', 'cases') caseId!: string;
  @instantColumn('received_at') receivedAt!: string;
  @textColumn('channel') channel!: string;
  @textColumn('complainant_type') complainantType!: string;
  @textColumn('complainant_id') complainantId!: string;
  @textColumn('complainant_name', { nullable: true }) complainantName!: string | null;
  /** The case's distributor (SPEC §6.2): its distributorId, else the complainant's id when a distributor. */
  @textColumn('distributor_id', { nullable: true }) distributorId!: string | null;
  @textColumn('order_id', { nullable: true }) orderId!: string | null;
  @textColumn('subject') subject!: string;
  @textColumn('event_id') eventId!: string;
  @bigintColumn('global_position') globalPosition!: number;
}

@Entity({ name: 'case_sortings', schema })
@Index('case_sortings_case_id_occurred_at_global_position_idx', ['caseId', 'occurredAt', 'globalPosition'])
export class CaseSorting {
  @positionKey('case_sortings') globalPosition!: number;
  @textColumn('event_id') eventId!: string;
  @textColumn('case_id') caseId!: string;
  @instantColumn('occurred_at') occurredAt!: string;
  @textColumn('category') category!: string;
  @integerColumn('complexity') complexity!: number;
  @textColumn('priority') priority!: string;
  @textColumn('sorted_by') sortedBy!: string;
}

/** A repeat contact raised the priority one step. */
@Entity({ name: 'case_priority_raises', schema })
@Index('case_priority_raises_case_id_occurred_at_global_position_idx', [
  'caseId',
  'occurredAt',
  'globalPosition',
])
export class CasePriorityRaise {
  @positionKey('case_priority_raises') globalPosition!: number;
  @textColumn('event_id') eventId!: string;
  @textColumn('case_id') caseId!: string;
  @instantColumn('occurred_at') occurredAt!: string;
  @textColumn('from_priority') fromPriority!: string;
  @textColumn('to_priority') toPriority!: string;
  @textColumn('reason') reason!: string;
}

@Entity({ name: 'case_assignments', schema })
@Index('case_assignments_case_id_occurred_at_global_position_idx', ['caseId', 'occurredAt', 'globalPosition'])
export class CaseAssignment {
  @positionKey('case_assignments') globalPosition!: number;
  @textColumn('event_id') eventId!: string;
  @textColumn('case_id') caseId!: string;
  @instantColumn('occurred_at') occurredAt!: string;
  @textColumn('assignee_id') assigneeId!: string;
  @textColumn('previous_assignee_id', { nullable: true }) previousAssigneeId!: string | null;
  @textColumn('reason') reason!: string;
}

/** `resolved` (CaseResolved) or `reopened` (CaseReopened): the case is open unless the latest is `resolved`. */
@Entity({ name: 'case_status_changes', schema })
@Index('case_status_changes_case_id_occurred_at_global_position_idx', [
  'caseId',
  'occurredAt',
  'globalPosition',
])
export class CaseStatusChange {
  @positionKey('case_status_changes') globalPosition!: number;
  @textColumn('event_id') eventId!: string;
  @textColumn('case_id') caseId!: string;
  @instantColumn('occurred_at') occurredAt!: string;
  @textColumn('status') status!: 'resolved' | 'reopened';
  /** The resolution, or the reason for reopening. */
  @textColumn('note') note!: string;
  @textColumn('resolved_by', { nullable: true }) resolvedBy!: string | null;
}

@Entity({ name: 'case_responses', schema })
@Index('case_responses_case_id_occurred_at_global_position_idx', ['caseId', 'occurredAt', 'globalPosition'])
export class CaseResponse {
  @positionKey('case_responses') globalPosition!: number;
  @textColumn('event_id') eventId!: string;
  @textColumn('case_id') caseId!: string;
  @instantColumn('occurred_at') occurredAt!: string;
  @textColumn('channel') channel!: string;
  @textColumn('responded_by') respondedBy!: string;
}

@Entity({ name: 'case_repeat_contacts', schema })
@Index('case_repeat_contacts_case_id_occurred_at_global_position_idx', [
  'caseId',
  'occurredAt',
  'globalPosition',
])
export class CaseRepeatContact {
  @positionKey('case_repeat_contacts') globalPosition!: number;
  @textColumn('event_id') eventId!: string;
  @textColumn('case_id') caseId!: string;
  @instantColumn('occurred_at') occurredAt!: string;
  @textColumn('channel') channel!: string;
}

@Entity({ name: 'case_ratings', schema })
@Index('case_ratings_case_id_occurred_at_global_position_idx', ['caseId', 'occurredAt', 'globalPosition'])
export class CaseRating {
  @positionKey('case_ratings') globalPosition!: number;
  @textColumn('event_id') eventId!: string;
  @textColumn('case_id') caseId!: string;
  @instantColumn('occurred_at') occurredAt!: string;
  @textColumn('rating') rating!: string;
}
