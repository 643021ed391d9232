import type { CaseState } from '../case/case.state.js';
import type { AllocateGoodwillBudget, GrantGoodwill } from '../goodwill/goodwill.commands.js';
import type { GoodwillBudgetAllocated, GoodwillGranted, GoodwillKind } from '../goodwill/goodwill.events.js';
import type { IssueRefund } from '../order/order.commands.js';
import type { OrderCancelled, OrderPlaced, OrderReturned, RefundIssued } from '../order/order.events.js';
import type { Actor } from '../shared/actor.js';
import type { StaffMemberState } from '../staff/staff.state.js';
import { DEFAULT_STANDARDS, type ServiceStandards } from '../standards/service-standards.js';
import { metadataFor, type When } from './clock.js';

interface By extends When {
  by: Actor;
}

export const budgetAllocated = (
  staffId: string,
  month: string,
  amountCents: number,
  allocatedBy = 'SUP-1',
): GoodwillBudgetAllocated => ({
  type: 'GoodwillBudgetAllocated',
  data: { staffId, month, amountCents, allocatedBy },
});

/** A correspondent's own grant (no approvedBy, never over budget). */
export const goodwillGranted = (
  grantId: string,
  staffId: string,
  amountCents: number,
  extra: Partial<GoodwillGranted['data']> = {},
): GoodwillGranted => ({
  type: 'GoodwillGranted',
  data: {
    grantId,
    staffId,
    caseId: 'case-1',
    kind: 'credit',
    amountCents,
    reason: 'Sorry for the cracked lid',
    overBudget: false,
    ...extra,
  },
});

export const allocateBudget = (
  staffId: string,
  month: string,
  amountCents: number,
  options: By & { staff: StaffMemberState },
): AllocateGoodwillBudget => ({
  type: 'AllocateGoodwillBudget',
  data: { staffId, month, amountCents },
  metadata: metadataFor(options.by, options),
  context: { staff: options.staff },
});

export const grantGoodwill = (
  amountCents: number,
  options: By & {
    case: CaseState;
    debited: StaffMemberState;
    grantId?: string;
    staffId?: string;
    kind?: GoodwillKind;
    sku?: string;
    quantity?: number;
    standards?: ServiceStandards;
    caseId?: string;
  },
): GrantGoodwill => ({
  type: 'GrantGoodwill',
  data: {
    caseId: options.caseId ?? 'case-1',
    grantId: options.grantId ?? 'G-1',
    kind: options.kind ?? 'credit',
    amountCents,
    ...(options.sku !== undefined ? { sku: options.sku } : {}),
    ...(options.quantity !== undefined ? { quantity: options.quantity } : {}),
    reason: 'Sorry for the cracked lid',
    ...(options.staffId !== undefined ? { staffId: options.staffId } : {}),
  },
  metadata: metadataFor(options.by, options),
  context: {
    case: options.case,
    debited: options.debited,
    standards: options.standards ?? DEFAULT_STANDARDS,
  },
});

export const orderPlaced = (
  orderId: string,
  totalCents: number,
  distributorId = 'D-17',
  customerId?: string,
): OrderPlaced => ({
  type: 'OrderPlaced',
  data: { orderId, distributorId, ...(customerId !== undefined ? { customerId } : {}), totalCents },
});

export const orderCancelled = (orderId: string, reason?: string): OrderCancelled => ({
  type: 'OrderCancelled',
  data: { orderId, ...(reason !== undefined ? { reason } : {}) },
});

export const orderReturned = (orderId: string, amountCents: number): OrderReturned => ({
  type: 'OrderReturned',
  data: { orderId, amountCents },
});

export const refundIssued = (
  refundId: string,
  orderId: string,
  amountCents: number,
  issuedBy = 'C-1',
  caseId = 'case-1',
): RefundIssued => ({
  type: 'RefundIssued',
  data: { refundId, orderId, caseId, amountCents, reason: 'Money-back guarantee', issuedBy },
});

export const issueRefund = (
  orderId: string,
  amountCents: number,
  options: By & { case: CaseState; refundId?: string; standards?: ServiceStandards; caseId?: string },
): IssueRefund => ({
  type: 'IssueRefund',
  data: {
    caseId: options.caseId ?? 'case-1',
    refundId: options.refundId ?? 'R-1',
    orderId,
    amountCents,
    reason: 'Money-back guarantee',
  },
  metadata: metadataFor(options.by, options),
  context: { case: options.case, standards: options.standards ?? DEFAULT_STANDARDS },
});

/** Standards other than the defaults, for limit tests. */
export const standardsWith = (changes: Partial<ServiceStandards>): ServiceStandards => ({
  ...DEFAULT_STANDARDS,
  ...changes,
});
