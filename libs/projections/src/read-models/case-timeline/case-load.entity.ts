import { Entity, Index } from 'typeorm';
import { bigintColumn, booleanColumn, integerColumn, textColumn, textKey } from '../columns.js';
import { READ_MODELS_SCHEMA as schema } from '../schema.js';

/**
 * One row per case: what it adds to its assignee's load now, in log order (SPEC §3: auto-assignment
 * compares every event already in the log, not business time). Unlike the fact tables this is
 * current state; it exists so that a process starting up reads the open cases only (the partial
 * index) instead of every case the log ever held.
 */
@Entity({ name: 'case_loads', schema })
@Index('case_loads_open_idx', ['caseId'], { where: 'open' })
export class CaseLoad {
  @textKey('case_id', 'case_loads') caseId!: string;
  /** False from its resolution until it is reopened. */
  @booleanColumn('open') open!: boolean;
  /** The latest assignee; null until the case is assigned. */
  @textColumn('assignee_id', { nullable: true }) assigneeId!: string | null;
  /** The latest sorted complexity; null until the case is sorted (it then weighs 0). */
  @integerColumn('complexity', { nullable: true }) complexity!: number | null;
  /** The last event applied to the row: an event at or below it is one the row already holds. */
  @bigintColumn('global_position') globalPosition!: number;
}
