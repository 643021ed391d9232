import { assertNever, type Timed } from '../shared/decider.js';
import { monthOf } from '../shared/time.js';
import type { GoodwillEvent } from './goodwill.events.js';

/** One staff member's goodwill account; months are `YYYY-MM`. */
export interface GoodwillAccountState {
  staffId: string | null;
  /** Sum of the allocations per month (whenever allocated). */
  budgets: Record<string, number>;
  /** Sum of the grants per month of their occurredAt. */
  granted: Record<string, number>;
  grantIds: string[];
}

export const initialGoodwillState = (): GoodwillAccountState => ({
  staffId: null,
  budgets: {},
  granted: {},
  grantIds: [],
});

const add = (sums: Record<string, number>, month: string, cents: number): Record<string, number> => ({
  ...sums,
  [month]: (sums[month] ?? 0) + cents,
});

export function evolveGoodwill(
  state: GoodwillAccountState,
  event: Timed<GoodwillEvent>,
): GoodwillAccountState {
  switch (event.type) {
    case 'GoodwillBudgetAllocated': {
      const { staffId, month, amountCents } = event.data;
      return { ...state, staffId, budgets: add(state.budgets, month, amountCents) };
    }
    case 'GoodwillGranted': {
      const { staffId, grantId, amountCents } = event.data;
      return {
        ...state,
        staffId,
        granted: add(state.granted, monthOf(event.occurredAt), amountCents),
        grantIds: [...state.grantIds, grantId],
      };
    }
    default:
      return assertNever(event);
  }
}

/** A month with no allocation has budget 0. */
export const budgetFor = (state: GoodwillAccountState, month: string): number => state.budgets[month] ?? 0;
export const grantedIn = (state: GoodwillAccountState, month: string): number => state.granted[month] ?? 0;

/** Budget minus grants of the month; negative after supervisor overrides. */
export const remainingBudget = (state: GoodwillAccountState, month: string): number =>
  budgetFor(state, month) - grantedIn(state, month);
