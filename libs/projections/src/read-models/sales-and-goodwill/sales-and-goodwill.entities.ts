import { Entity, Index } from 'typeorm';
import {
  bigintColumn,
  booleanColumn,
  instantColumn,
  integerColumn,
  textColumn,
  positionKey,
  textKey,
} from '../columns.js';
import { READ_MODELS_SCHEMA as schema } from '../schema.js';

/**
 * One row per order: placed, and cancelled in place. Net sales of a period subtract the total of
 * orders whose cancellation falls in it, wherever the order was placed (SPEC §6.2).
 */
@Entity({ name: 'orders', schema })
@Index('orders_placed_at_idx', ['placedAt'])
@Index('orders_cancelled_at_idx', ['cancelledAt'])
export class Order {
  @textKey('order_id', 'orders') orderId!: string;
  @textColumn('distributor_id', { nullable: true }) distributorId!: string | null;
  @textColumn('customer_id', { nullable: true }) customerId!: string | null;
  @bigintColumn('total_cents', { nullable: true }) totalCents!: number | null;
  @instantColumn('placed_at', { nullable: true }) placedAt!: string | null;
  @bigintColumn('placed_position', { nullable: true }) placedPosition!: number | null;
  @instantColumn('cancelled_at', { nullable: true }) cancelledAt!: string | null;
  @bigintColumn('cancelled_position', { nullable: true }) cancelledPosition!: number | null;
  @textColumn('cancel_reason', { nullable: true }) cancelReason!: string | null;
}

@Entity({ name: 'refunds', schema })
@Index('refunds_occurred_at_idx', ['occurredAt'])
@Index('refunds_case_id_idx', ['caseId'])
export class Refund {
  @positionKey('refunds') globalPosition!: number;
  @textColumn('event_id') eventId!: string;
  @textColumn('refund_id') refundId!: string;
  @textColumn('order_id') orderId!: string;
  @textColumn('case_id') caseId!: string;
  @bigintColumn('amount_cents') amountCents!: number;
  @instantColumn('occurred_at') occurredAt!: string;
  @textColumn('reason') reason!: string;
  @textColumn('issued_by') issuedBy!: string;
}

@Entity({ name: 'goodwill_grants', schema })
@Index('goodwill_grants_occurred_at_idx', ['occurredAt'])
export class GoodwillGrant {
  @positionKey('goodwill_grants') globalPosition!: number;
  @textColumn('event_id') eventId!: string;
  @textColumn('grant_id') grantId!: string;
  /** Whose goodwill account was debited. */
  @textColumn('staff_id') staffId!: string;
  @textColumn('case_id') caseId!: string;
  @textColumn('kind') kind!: 'credit' | 'product';
  @bigintColumn('amount_cents') amountCents!: number;
  @textColumn('sku', { nullable: true }) sku!: string | null;
  @integerColumn('quantity', { nullable: true }) quantity!: number | null;
  @textColumn('reason') reason!: string;
  @textColumn('approved_by', { nullable: true }) approvedBy!: string | null;
  @booleanColumn('over_budget') overBudget!: boolean;
  @instantColumn('occurred_at') occurredAt!: string;
}

/** Allocations for the same staff member and month add up, whenever allocated. */
@Entity({ name: 'goodwill_budget_allocations', schema })
@Index('goodwill_budget_allocations_staff_id_month_idx', ['staffId', 'month'])
export class GoodwillBudgetAllocation {
  @positionKey('goodwill_budget_allocations') globalPosition!: number;
  @textColumn('event_id') eventId!: string;
  @textColumn('staff_id') staffId!: string;
  /** YYYY-MM. */
  @textColumn('month') month!: string;
  @bigintColumn('amount_cents') amountCents!: number;
  @textColumn('allocated_by') allocatedBy!: string;
  @instantColumn('occurred_at') occurredAt!: string;
}
