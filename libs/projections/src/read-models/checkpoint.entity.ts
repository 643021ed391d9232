import { Entity } from 'typeorm';
import { bigintColumn, instantColumn, integerColumn, textKey } from './columns.js';
import { READ_MODELS_SCHEMA as schema } from './schema.js';

/**
 * How far each projection has read the log. Written with compare-and-set in the same transaction as
 * the rows it covers, so rows and checkpoint never disagree (exactly-once effect).
 */
@Entity({ name: 'projection_checkpoints', schema })
export class ProjectionCheckpoint {
  @textKey('projection', 'projection_checkpoints') projection!: string;
  /** Last global position applied (0: nothing yet). */
  @bigintColumn('position') position!: number;
  /** recordedAt of the event at `position`. */
  @instantColumn('last_recorded_at', { nullable: true }) lastRecordedAt!: string | null;
  /** 1 for the tables the migration created, +1 at each rebuild swapped in. */
  @integerColumn('version') version!: number;
  @instantColumn('rebuilt_at', { nullable: true }) rebuiltAt!: string | null;
  @instantColumn('updated_at') updatedAt!: string;
}
