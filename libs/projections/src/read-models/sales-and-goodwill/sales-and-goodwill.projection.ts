import { eventFact, oneRowPerEvent, type ReadModelTable } from '../read-model-table.js';
import { orders } from './orders.table.js';
import { GoodwillBudgetAllocation, GoodwillGrant, Refund } from './sales-and-goodwill.entities.js';

export const refunds = oneRowPerEvent(Refund, ['RefundIssued'], (e): Refund => {
  const d = e.data;
  return {
    refundId: d.refundId,
    orderId: d.orderId,
    caseId: d.caseId,
    amountCents: d.amountCents,
    reason: d.reason,
    issuedBy: d.issuedBy,
    ...eventFact(e),
  };
});

export const goodwillGrants = oneRowPerEvent(GoodwillGrant, ['GoodwillGranted'], (e): GoodwillGrant => {
  const d = e.data;
  return {
    grantId: d.grantId,
    staffId: d.staffId,
    caseId: d.caseId,
    kind: d.kind,
    amountCents: d.amountCents,
    sku: d.sku ?? null,
    quantity: d.quantity ?? null,
    reason: d.reason,
    approvedBy: d.approvedBy ?? null,
    overBudget: d.overBudget,
    ...eventFact(e),
  };
});

export const goodwillBudgetAllocations = oneRowPerEvent(
  GoodwillBudgetAllocation,
  ['GoodwillBudgetAllocated'],
  (e): GoodwillBudgetAllocation => {
    const d = e.data;
    return {
      staffId: d.staffId,
      month: d.month,
      amountCents: d.amountCents,
      allocatedBy: d.allocatedBy,
      ...eventFact(e),
    };
  },
);

/** Money: orders (net sales), refunds, goodwill grants and budgets. */
export const salesAndGoodwillTables: ReadModelTable[] = [
  orders,
  refunds,
  goodwillGrants,
  goodwillBudgetAllocations,
] as ReadModelTable[];
