import { Entity, Index } from 'typeorm';
import {
  bigintColumn,
  booleanColumn,
  instantColumn,
  integerColumn,
  numericColumn,
  textArrayColumn,
  textColumn,
  positionKey,
} from '../columns.js';
import { READ_MODELS_SCHEMA as schema } from '../schema.js';

/**
 * Every registration and change of a staff member at its business time. A report "as of T" takes,
 * field by field, the latest non-null value with occurred_at ≤ T (a change carries only what changed).
 */
@Entity({ name: 'staff_changes', schema })
@Index('staff_changes_staff_id_occurred_at_global_position_idx', ['staffId', 'occurredAt', 'globalPosition'])
export class StaffChange {
  @positionKey('staff_changes') globalPosition!: number;
  @textColumn('event_id') eventId!: string;
  @textColumn('staff_id') staffId!: string;
  @instantColumn('occurred_at') occurredAt!: string;
  @textColumn('change') change!: 'registered' | 'changed';
  @textColumn('name', { nullable: true }) name!: string | null;
  @textArrayColumn('roles', { nullable: true }) roles!: string[] | null;
  @integerColumn('skill_level', { nullable: true }) skillLevel!: number | null;
  @booleanColumn('active', { nullable: true }) active!: boolean | null;
}

/** Each ServiceStandardsSet; in force at T is the latest with occurred_at ≤ T (version 1 defaults before any). */
@Entity({ name: 'service_standards', schema })
export class ServiceStandardsVersion {
  @positionKey('service_standards') globalPosition!: number;
  @textColumn('event_id') eventId!: string;
  @integerColumn('version') version!: number;
  @instantColumn('occurred_at') occurredAt!: string;
  @numericColumn('first_response_hours_mail') firstResponseHoursMail!: number;
  @numericColumn('first_response_hours_email') firstResponseHoursEmail!: number;
  @numericColumn('first_response_hours_web') firstResponseHoursWeb!: number;
  @numericColumn('first_response_hours_social') firstResponseHoursSocial!: number;
  @numericColumn('first_response_hours_phone') firstResponseHoursPhone!: number;
  @numericColumn('first_response_hours_chat') firstResponseHoursChat!: number;
  @numericColumn('goodwill_pct_of_sales_guideline') goodwillPctOfSalesGuideline!: number;
  @bigintColumn('goodwill_per_grant_limit_cents') goodwillPerGrantLimitCents!: number;
  @bigintColumn('refund_limit_cents') refundLimitCents!: number;
}
