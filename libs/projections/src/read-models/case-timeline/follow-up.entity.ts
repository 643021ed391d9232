import { Entity, Index } from 'typeorm';
import { bigintColumn, instantColumn, textColumn, textKey } from '../columns.js';
import { READ_MODELS_SCHEMA as schema } from '../schema.js';

/**
 * One row per promised follow-up, completed in place. Both facts keep their business time: the
 * follow-through report judges on time / late / overdue / pending against `due_at` and `asOf`.
 */
@Entity({ name: 'follow_ups', schema })
@Index('follow_ups_due_at_idx', ['dueAt'])
export class FollowUp {
  @textKey('case_id', 'follow_ups') caseId!: string;
  @textKey('follow_up_id', 'follow_ups') followUpId!: string;
  @instantColumn('due_at') dueAt!: string;
  @textColumn('description') description!: string;
  @textColumn('promised_by') promisedBy!: string;
  @instantColumn('promised_at') promisedAt!: string;
  @bigintColumn('promised_position') promisedPosition!: number;
  @instantColumn('completed_at', { nullable: true }) completedAt!: string | null;
  @textColumn('completed_by', { nullable: true }) completedBy!: string | null;
  @bigintColumn('completed_position', { nullable: true }) completedPosition!: number | null;
}
