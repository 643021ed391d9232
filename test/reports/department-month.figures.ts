// The three reports for department-month.scenario.ts, worked out by hand (never by the code under
// test; divisions with a calculator, working in the comments). Percentiles: nearest rank, index ceil(p/100 · n) − 1.

export const W = '2026-09-28T12:00:00.000Z';

const byPriority = (low: number, normal: number, high: number, urgent: number) => ({
  low,
  normal,
  high,
  urgent,
});

/** GET /reports/rep-workload?asOf=W (position aside). */
export const repWorkloadAtW = {
  asOf: W,
  department: {
    // Open at W: B01–B04 (August), M02 (reopened), F04, F07, F08, P01–P08, U01–U04, S01, S02 = 22.
    openCases: 22,
    unassigned: 4, // U01–U04
    unsorted: 5, // U01–U04 and B04 (assigned by hand, never sorted)
    meanWeightedLoad: 10.25, // (10 + 11 + 5 + 15) ÷ 4 active correspondents (C-04 left on 09-24)
    maxWeightedLoad: 15,
    imbalance: 1.46, // 15 × 4 ÷ 41 = 1.4634…
  },
  correspondents: [
    // B04 (0, unsorted) + P01 4 + P02 4 + P03 2 (re-sorted on 09-25; reassigned only on 09-29). Oldest B04, 08-28 09:00: 31 d + 3 h.
    {
      staffId: 'C-01',
      name: 'Ada Brandt',
      skillLevel: 5,
      openCases: 4,
      weightedLoad: 10,
      oldestOpenAgeHours: 747,
      byPriority: byPriority(0, 1, 0, 2),
    },
    // B03 1 + F04 5 + S01 5; skill 5 since 09-10. Oldest B03, 08-27 09:00: 32 d + 3 h.
    {
      staffId: 'C-02',
      name: 'Ben Castillo',
      skillLevel: 5,
      openCases: 3,
      weightedLoad: 11,
      oldestOpenAgeHours: 771,
      byPriority: byPriority(0, 1, 0, 2),
    },
    // B01 1 + B02 1 + M02 3; skill 4 only from 09-29. Oldest B01, 08-25 09:00: 34 d + 3 h.
    {
      staffId: 'C-03',
      name: 'Cleo Duarte',
      skillLevel: 3,
      openCases: 3,
      weightedLoad: 5,
      oldestOpenAgeHours: 819,
      byPriority: byPriority(1, 2, 0, 0),
    },
    // P04 4 (since 09-26) + S02 1 + F07 5 + F08 5. Oldest F07, 09-16 09:00: 12 d + 3 h.
    {
      staffId: 'C-05',
      name: 'Eve Fischer',
      skillLevel: 2,
      openCases: 4,
      weightedLoad: 15,
      oldestOpenAgeHours: 291,
      byPriority: byPriority(1, 0, 1, 2),
    },
  ],
};

const satisfaction = (
  delighted: number,
  satisfied: number,
  disappointed: number,
  annoyed: number,
  angry: number,
  unhappyPct: number | null,
) => ({
  delighted,
  satisfied,
  disappointed,
  annoyed,
  angry,
  unhappyPct,
});
const followUps = (
  promised: number,
  completedOnTime: number,
  completedLate: number,
  overdue: number,
  pending: number,
  followThroughRate: number | null,
) => ({
  promised,
  completedOnTime,
  completedLate,
  overdue,
  pending,
  followThroughRate,
});

/** GET /reports/follow-through?from=2026-09-01&to=2026-10-01&asOf=W (position aside). */
export const followThroughSeptemberAtW = {
  from: '2026-09-01T00:00:00.000Z',
  to: '2026-10-01T00:00:00.000Z',
  asOf: W,
  department: {
    // FU-F01, F02, F05 on time; F03, F06 late; F04 and the supervisor's FU-F04-S overdue; F07 (done
    // only on 09-29) and F08 pending. FU-F08-B is due in October, FU-X01 promised after W. 3 ÷ 7.
    followUps: followUps(9, 3, 2, 2, 2, 42.86),
    cases: {
      received: 46, // E 12, M 10, K 2, F 8, P 8, U 4, S 2 (X after W, B in August)
      responded: 40, // all but U and S
      // 40 first responses: 0.5 h ×8, 1 ×4, 3 ×4, 4 ×2, 6 ×12, 50 ×10 → index 19: 6; index 35: 50.
      firstResponseMedianHours: 6,
      firstResponseP90Hours: 50,
      // Within: E 12, K 2, F 8, P01–P04 = 26; judged: 40 answered + U 4 (windows over) = 44 (S not yet).
      withinStandardPct: 59.09,
      resolved: 29, // E 12, M 10, K 2, F01 F02 F03 F05 F06
      // 30 ×12, 48 ×2, 50, 52, 60 ×10, 73, 192, 292 → index 14: 50.
      resolutionMedianHours: 50,
      reopenRatePct: 6.9, // M01, M02 ÷ 29
      repeatContacts: 3, // P01 once, P02 twice (P05's is after W)
      refundTurnaroundMedianHours: 55, // M03 20 h, M05 55 h, F05 171 h (E12's refund is after W)
      // delighted E01–E04, F01; satisfied E05–E10, M07–M10, M01 (2nd), F02, F05; disappointed E11,
      // M03–M06, K02; annoyed M01, F03; angry E12, M02, F06 → 11 unhappy of 29.
      satisfaction: satisfaction(5, 13, 6, 2, 3, 37.93),
    },
  },
  correspondents: [
    {
      staffId: 'C-01', // E01–E06, P01–P03
      followUps: followUps(0, 0, 0, 0, 0, null),
      // responses 1 ×3, 6 ×6 → index 4: 6, index 8: 6; all 9 within; resolved E01–E06 (30 h).
      cases: {
        received: 9,
        responded: 9,
        firstResponseMedianHours: 6,
        firstResponseP90Hours: 6,
        withinStandardPct: 100,
        resolved: 6,
        resolutionMedianHours: 30,
        reopenRatePct: 0,
        repeatContacts: 3,
        refundTurnaroundMedianHours: null,
        satisfaction: satisfaction(4, 2, 0, 0, 0, 0),
      },
    },
    {
      staffId: 'C-02', // E07–E12, S01, F01–F04; FU-F01 F02 on time, F03 late, F04 overdue
      followUps: followUps(4, 2, 1, 1, 0, 50),
      // responses 0.5 ×4, 6 ×6 → index 4: 6, index 8: 6; 10 judged, all within (S01 not yet);
      // resolutions 30 ×6, 50, 52, 73 → index 4: 30; ratings 3 unhappy of 9.
      cases: {
        received: 11,
        responded: 10,
        firstResponseMedianHours: 6,
        firstResponseP90Hours: 6,
        withinStandardPct: 100,
        resolved: 9,
        resolutionMedianHours: 30,
        reopenRatePct: 0,
        repeatContacts: 0,
        refundTurnaroundMedianHours: null,
        satisfaction: satisfaction(1, 5, 1, 1, 1, 33.33),
      },
    },
    {
      staffId: 'C-03', // M01–M10, F05, F06; FU-F05 on time, FU-F06 late
      followUps: followUps(2, 1, 1, 0, 0, 50),
      // responses 0.5 ×2, 50 ×10 → index 5: 50, index 10: 50; within 2 of 12; resolutions 60 ×10,
      // 192, 292 → index 5: 60; reopened 2 of 12; refunds 20, 55, 171 → 55; 7 unhappy of 13.
      cases: {
        received: 12,
        responded: 12,
        firstResponseMedianHours: 50,
        firstResponseP90Hours: 50,
        withinStandardPct: 16.67,
        resolved: 12,
        resolutionMedianHours: 60,
        reopenRatePct: 16.67,
        repeatContacts: 0,
        refundTurnaroundMedianHours: 55,
        satisfaction: satisfaction(0, 6, 4, 1, 2, 53.85),
      },
    },
    {
      staffId: 'C-04', // inactive since 09-24, still a correspondent: P05–P08, K01, K02
      followUps: followUps(0, 0, 0, 0, 0, null),
      // responses 3 ×4, 4 ×2 → index 2: 3, index 5: 4; within K01, K02 of 6; resolved K01, K02 (48 h).
      cases: {
        received: 6,
        responded: 6,
        firstResponseMedianHours: 3,
        firstResponseP90Hours: 4,
        withinStandardPct: 33.33,
        resolved: 2,
        resolutionMedianHours: 48,
        reopenRatePct: 0,
        repeatContacts: 0,
        refundTurnaroundMedianHours: null,
        satisfaction: satisfaction(0, 0, 1, 0, 0, 100),
      },
    },
    {
      staffId: 'C-05', // P04 (since 09-26), S02, F07, F08; FU-F07 and FU-F08 pending
      followUps: followUps(2, 0, 0, 0, 2, null),
      // responses 0.5, 0.5, 1 → index 1: 0.5, index 2: 1; 3 judged, all within (S02 not yet).
      cases: {
        received: 4,
        responded: 3,
        firstResponseMedianHours: 0.5,
        firstResponseP90Hours: 1,
        withinStandardPct: 100,
        resolved: 0,
        resolutionMedianHours: null,
        reopenRatePct: null,
        repeatContacts: 0,
        refundTurnaroundMedianHours: null,
        satisfaction: satisfaction(0, 0, 0, 0, 0, null),
      },
    },
  ],
};

/** GET /reports/goodwill?from=2026-09-01&to=2026-10-01 (position aside). */
export const goodwillSeptember = {
  from: '2026-09-01T00:00:00.000Z',
  to: '2026-10-01T00:00:00.000Z',
  department: {
    // Placed in September 996 000 (O-M03 at 00:00 and O-7 at 23:59:59.999 included) − cancelled in
    // September: O-A 90 000 (placed in August) and O-6 50 000. O-8's cancellation is in October.
    netSalesCents: 856000,
    goodwillCents: 26000, // G-1 2 500, G-2 4 000, G-3 1 500, G-4 3 000, G-5 5 000, G-6 6 000, G-7 1 000, G-8 2 000, G-9 1 000
    goodwillCreditCents: 17000,
    goodwillProductCents: 9000, // G-2, G-5
    grants: 9, // G-10 falls on 10-01 00:00, G-11 in August
    goodwillPctOfSales: 3.04, // 26 000 ÷ 856 000 = 3.037 %
    refundsCents: 38500, // R-1 2 000, R-2 1 500, R-3 35 000 (R-4 on 10-01)
    refundPctOfSales: 4.5, // 4.4977 %
    guidelinePct: 0.4, // version 2, in force since 09-15
    overGuideline: true,
  },
  staff: [
    // G-1, G-2, G-3, G-9 = 9 000 of a 20 000 budget; average 2 250.
    {
      staffId: 'C-01',
      grants: 4,
      goodwillCents: 9000,
      pctOfSales: 1.05,
      shareOfGoodwillPct: 34.62,
      budgetCents: 20000,
      budgetUsedPct: 45,
      averageGrantCents: 2250,
      overBudgetGrants: 0,
    },
    // G-4, G-5, G-6 (the supervisor's, over budget) = 14 000 of 10 000 + 5 000; average 4 666.67 → 4 667.
    {
      staffId: 'C-02',
      grants: 3,
      goodwillCents: 14000,
      pctOfSales: 1.64,
      shareOfGoodwillPct: 53.85,
      budgetCents: 15000,
      budgetUsedPct: 93.33,
      averageGrantCents: 4667,
      overBudgetGrants: 1,
    },
    // G-7 by the supervisor on an account without a September budget.
    {
      staffId: 'C-03',
      grants: 1,
      goodwillCents: 1000,
      pctOfSales: 0.12,
      shareOfGoodwillPct: 3.85,
      budgetCents: 0,
      budgetUsedPct: null,
      averageGrantCents: 1000,
      overBudgetGrants: 1,
    },
    {
      staffId: 'C-04',
      grants: 1,
      goodwillCents: 2000,
      pctOfSales: 0.23,
      shareOfGoodwillPct: 7.69,
      budgetCents: 3000,
      budgetUsedPct: 66.67,
      averageGrantCents: 2000,
      overBudgetGrants: 0,
    },
  ],
  // K01's 2 000 has no distributor: department totals only.
  distributors: [
    { distributorId: 'D-1', goodwillCents: 7500, salesCents: 300000, pctOfSales: 2.5 }, // O-1 + O-2
    { distributorId: 'D-2', goodwillCents: 3000, salesCents: 100000, pctOfSales: 3 }, // O-3 + O-8 − O-A
    { distributorId: 'D-3', goodwillCents: 1000, salesCents: 86000, pctOfSales: 1.16 }, // O-4 + O-M03 (M03's distributorId)
    { distributorId: 'D-4', goodwillCents: 1500, salesCents: 70000, pctOfSales: 2.14 }, // O-7
    { distributorId: 'D-5', goodwillCents: 11000, salesCents: 300000, pctOfSales: 3.67 }, // O-5 + O-6 − O-6
  ],
};
