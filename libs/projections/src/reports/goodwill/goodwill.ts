import { percentage, roundedQuotient } from '../report-math.js';
import { byId } from '../staff-as-of.js';

/** A grant whose occurredAt is in the period, with the distributor of its case (null: none, or case unknown). */
export interface GrantInPeriod {
  staffId: string;
  kind: 'credit' | 'product';
  amountCents: number;
  overBudget: boolean;
  distributorId: string | null;
}

export interface GoodwillReport {
  from: string;
  to: string;
  position: number;
  department: {
    netSalesCents: number;
    goodwillCents: number;
    goodwillCreditCents: number;
    goodwillProductCents: number;
    grants: number;
    goodwillPctOfSales: number | null;
    refundsCents: number;
    refundPctOfSales: number | null;
    guidelinePct: number;
    overGuideline: boolean;
  };
  staff: {
    staffId: string;
    grants: number;
    goodwillCents: number;
    pctOfSales: number | null;
    shareOfGoodwillPct: number | null;
    budgetCents: number;
    budgetUsedPct: number | null;
    averageGrantCents: number | null;
    overBudgetGrants: number;
  }[];
  distributors: {
    distributorId: string;
    goodwillCents: number;
    salesCents: number;
    pctOfSales: number | null;
  }[];
}

/** The months (YYYY-MM, UTC) that the half-open period [from, to) touches. */
export function monthsTouched(from: string, to: string): string[] {
  const start = new Date(from);
  const last = new Date(Date.parse(to) - 1);
  const months: string[] = [];
  for (
    let y = start.getUTCFullYear(), m = start.getUTCMonth();
    y < last.getUTCFullYear() || (y === last.getUTCFullYear() && m <= last.getUTCMonth());
  ) {
    months.push(`${y}-${String(m + 1).padStart(2, '0')}`);
    [y, m] = m === 11 ? [y + 1, 0] : [y, m + 1];
  }
  return months;
}

const sum = (grants: readonly GrantInPeriod[]) => grants.reduce((total, g) => total + g.amountCents, 0);

function groupBy<K>(
  grants: readonly GrantInPeriod[],
  key: (g: GrantInPeriod) => K | null,
): Map<K, GrantInPeriod[]> {
  const groups = new Map<K, GrantInPeriod[]>();
  for (const g of grants) {
    const k = key(g);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), g]);
  }
  return groups;
}

/** SPEC §6.2 from the period's facts: grants, net sales, refunds, budgets and the guideline in force. */
export function goodwillAsPctOfSales(input: {
  from: string;
  to: string;
  position: number;
  guidelinePct: number;
  netSalesCents: number;
  refundsCents: number;
  grants: GrantInPeriod[];
  /** Σ budgets of the months touched, per staff member (absent: 0). */
  budgetCents: ReadonlyMap<string, number>;
  /** Net sales in the period per distributor (absent: 0). */
  distributorSalesCents: ReadonlyMap<string, number>;
}): GoodwillReport {
  const { netSalesCents } = input;
  const goodwillCents = sum(input.grants);
  const goodwillPctOfSales = percentage(goodwillCents, netSalesCents);
  const staff = [...groupBy(input.grants, (g) => g.staffId)]
    .sort(([a], [b]) => byId(a, b))
    .map(([staffId, grants]) => {
      const cents = sum(grants);
      const budgetCents = input.budgetCents.get(staffId) ?? 0;
      return {
        staffId,
        grants: grants.length,
        goodwillCents: cents,
        pctOfSales: percentage(cents, netSalesCents),
        shareOfGoodwillPct: percentage(cents, goodwillCents),
        budgetCents,
        budgetUsedPct: percentage(cents, budgetCents),
        averageGrantCents: roundedQuotient(cents, grants.length),
        overBudgetGrants: grants.filter((g) => g.overBudget).length,
      };
    });
  // Goodwill on a case with no distributor counts in the department's totals only.
  const distributors = [...groupBy(input.grants, (g) => g.distributorId)]
    .sort(([a], [b]) => byId(a, b))
    .map(([distributorId, grants]) => {
      const cents = sum(grants);
      const salesCents = input.distributorSalesCents.get(distributorId) ?? 0;
      return { distributorId, goodwillCents: cents, salesCents, pctOfSales: percentage(cents, salesCents) };
    });
  return {
    from: input.from,
    to: input.to,
    position: input.position,
    department: {
      netSalesCents,
      goodwillCents,
      goodwillCreditCents: sum(input.grants.filter((g) => g.kind === 'credit')),
      goodwillProductCents: sum(input.grants.filter((g) => g.kind === 'product')),
      grants: input.grants.length,
      goodwillPctOfSales,
      refundsCents: input.refundsCents,
      refundPctOfSales: percentage(input.refundsCents, netSalesCents),
      guidelinePct: input.guidelinePct,
      // The reported, rounded figure is what is compared (false when there is none).
      overGuideline: goodwillPctOfSales !== null && goodwillPctOfSales > input.guidelinePct,
    },
    staff,
    distributors,
  };
}
