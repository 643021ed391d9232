import { goodwillAsPctOfSales, monthsTouched, type GrantInPeriod } from './goodwill.js';

const grant = (
  staffId: string,
  kind: 'credit' | 'product',
  amountCents: number,
  distributorId: string | null,
  overBudget = false,
): GrantInPeriod => ({
  staffId,
  kind,
  amountCents,
  overBudget,
  distributorId,
});
const period = { from: '2026-09-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z', position: 9 };

describe('goodwill as % of sales (SPEC §6.2)', () => {
  const report = goodwillAsPctOfSales({
    ...period,
    guidelinePct: 0.5,
    netSalesCents: 1_000_000,
    refundsCents: 12_345,
    grants: [
      grant('C-2', 'credit', 1_000, 'D-2'),
      grant('C-1', 'credit', 2_000, 'D-1'),
      grant('C-1', 'product', 3_001, 'D-1', true),
      grant('C-2', 'credit', 1_000, null),
    ],
    budgetCents: new Map([['C-1', 4_000]]),
    distributorSalesCents: new Map([['D-1', 200_000]]),
  });

  it("adds the department's goodwill by kind and compares the rounded share with the guideline", () => {
    expect(report.department).toEqual({
      netSalesCents: 1_000_000,
      goodwillCents: 7_001,
      goodwillCreditCents: 4_000,
      goodwillProductCents: 3_001,
      grants: 4,
      goodwillPctOfSales: 0.7,
      refundsCents: 12_345,
      refundPctOfSales: 1.23,
      guidelinePct: 0.5,
      overGuideline: true,
    });
  });

  it('has a row per debited staff member, ordered by staffId', () => {
    expect(report.staff).toEqual([
      {
        staffId: 'C-1',
        grants: 2,
        goodwillCents: 5_001,
        pctOfSales: 0.5,
        shareOfGoodwillPct: 71.43,
        budgetCents: 4_000,
        budgetUsedPct: 125.03,
        averageGrantCents: 2_501,
        overBudgetGrants: 1,
      },
      {
        staffId: 'C-2',
        grants: 2,
        goodwillCents: 2_000,
        pctOfSales: 0.2,
        shareOfGoodwillPct: 28.57,
        budgetCents: 0,
        budgetUsedPct: null,
        averageGrantCents: 1_000,
        overBudgetGrants: 0,
      },
    ]);
  });

  it('has a row per distributor whose cases got goodwill; goodwill on a case without one stays in the totals', () => {
    expect(report.distributors).toEqual([
      { distributorId: 'D-1', goodwillCents: 5_001, salesCents: 200_000, pctOfSales: 2.5 },
      { distributorId: 'D-2', goodwillCents: 1_000, salesCents: 0, pctOfSales: null },
    ]);
  });

  it('is not over the guideline when the rounded share equals it (0.5004 % → 0.50)', () => {
    const r = goodwillAsPctOfSales({
      ...period,
      guidelinePct: 0.5,
      netSalesCents: 1_000_000,
      refundsCents: 0,
      grants: [grant('C-1', 'credit', 5_004, null)],
      budgetCents: new Map(),
      distributorSalesCents: new Map(),
    });
    expect(r.department).toMatchObject({ goodwillPctOfSales: 0.5, overGuideline: false });
  });

  it('answers null percentages and no excess without net sales', () => {
    const r = goodwillAsPctOfSales({
      ...period,
      guidelinePct: 0.5,
      netSalesCents: 0,
      refundsCents: 100,
      grants: [grant('C-1', 'credit', 100, null)],
      budgetCents: new Map(),
      distributorSalesCents: new Map(),
    });
    expect(r.department).toMatchObject({
      goodwillPctOfSales: null,
      refundPctOfSales: null,
      overGuideline: false,
    });
    expect(r.staff[0]).toMatchObject({ pctOfSales: null, shareOfGoodwillPct: 100 });
  });

  it('lists no staff and no distributor for a period without grants', () => {
    const r = goodwillAsPctOfSales({
      ...period,
      guidelinePct: 0.5,
      netSalesCents: 500,
      refundsCents: 0,
      grants: [],
      budgetCents: new Map(),
      distributorSalesCents: new Map(),
    });
    expect(r).toMatchObject({
      staff: [],
      distributors: [],
      department: { goodwillCents: 0, grants: 0, goodwillPctOfSales: 0, overGuideline: false },
    });
  });
});

describe('months a period touches', () => {
  it('is one month for a calendar month', () => {
    expect(monthsTouched('2026-09-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z')).toEqual(['2026-09']);
  });
  it('includes a month touched by one millisecond at either end', () => {
    expect(monthsTouched('2026-08-31T23:00:00.000Z', '2026-10-01T00:00:00.001Z')).toEqual([
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
  });
  it('crosses the year', () => {
    expect(monthsTouched('2026-12-15T00:00:00.000Z', '2027-02-01T00:00:00.000Z')).toEqual([
      '2026-12',
      '2027-01',
    ]);
  });
});
