/** Events of `goodwill-{staffId}` (SPEC §3). */
export type GoodwillBudgetAllocated = {
  type: 'GoodwillBudgetAllocated';
  data: { staffId: string; month: string; amountCents: number; allocatedBy: string };
};

export type GoodwillKind = 'credit' | 'product';

/** Debited from `staffId`'s budget for the month of the event's occurredAt. */
export type GoodwillGranted = {
  type: 'GoodwillGranted';
  data: {
    grantId: string;
    staffId: string;
    caseId: string;
    kind: GoodwillKind;
    amountCents: number;
    sku?: string;
    quantity?: number;
    reason: string;
    approvedBy?: string;
    overBudget: boolean;
  };
};

export type GoodwillEvent = GoodwillBudgetAllocated | GoodwillGranted;
