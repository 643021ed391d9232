import { z } from 'zod';
import { count, instant, position } from '../http/openapi/answers.js';
import type { RouteDoc } from '../http/openapi/documented.js';

const pct = z.number().nullable();
const hours = z.number().min(0).nullable();

const repWorkload = z.object({
  asOf: instant,
  position,
  department: z.object({
    openCases: count,
    unassigned: count,
    unsorted: count,
    meanWeightedLoad: pct,
    maxWeightedLoad: pct,
    imbalance: pct,
  }),
  correspondents: z.array(
    z.object({
      staffId: z.string(),
      name: z.string(),
      skillLevel: z.number().int().min(1).max(5),
      openCases: count,
      weightedLoad: z.number().min(0),
      oldestOpenAgeHours: hours,
      byPriority: z.object({ low: count, normal: count, high: count, urgent: count }),
    }),
  ),
});

const goodwill = z.object({
  from: instant,
  to: instant,
  position,
  department: z.object({
    netSalesCents: z.number().int(),
    goodwillCents: count,
    goodwillCreditCents: count,
    goodwillProductCents: count,
    grants: count,
    goodwillPctOfSales: pct,
    refundsCents: count,
    refundPctOfSales: pct,
    guidelinePct: z.number(),
    overGuideline: z.boolean(),
  }),
  staff: z.array(
    z.object({
      staffId: z.string(),
      grants: count,
      goodwillCents: count,
      pctOfSales: pct,
      shareOfGoodwillPct: pct,
      budgetCents: count,
      budgetUsedPct: pct,
      averageGrantCents: pct,
      overBudgetGrants: count,
    }),
  ),
  distributors: z.array(
    z.object({
      distributorId: z.string(),
      goodwillCents: count,
      salesCents: z.number().int(),
      pctOfSales: pct,
    }),
  ),
});

const followUps = z.object({
  promised: count,
  completedOnTime: count,
  completedLate: count,
  overdue: count,
  pending: count,
  followThroughRate: pct,
});
const cases = z.object({
  received: count,
  responded: count,
  firstResponseMedianHours: hours,
  firstResponseP90Hours: hours,
  withinStandardPct: pct,
  resolved: count,
  resolutionMedianHours: hours,
  reopenRatePct: pct,
  repeatContacts: count,
  refundTurnaroundMedianHours: hours,
  satisfaction: z.object({
    delighted: count,
    satisfied: count,
    disappointed: count,
    annoyed: count,
    angry: count,
    unhappyPct: pct,
  }),
});
const followThrough = z.object({
  from: instant,
  to: instant,
  asOf: instant,
  position,
  department: z.object({ followUps, cases }),
  correspondents: z.array(z.object({ staffId: z.string(), followUps, cases })),
});

/** JSON, or with `Accept: text/csv` the main list as CSV (header row of dotted field names). */
const report = (json: z.ZodType, list: string) => ({
  description: `The report; as CSV, one row per element of ${list}`,
  content: { 'application/json': json, 'text/csv': z.string() },
});

export const reportsDocs = {
  repWorkload: {
    summary: 'Rep workload as of an instant (SPEC §6.1)',
    answers: { 200: report(repWorkload, 'correspondents') },
    errors: ['PROJECTION_BEHIND'],
  },
  goodwill: {
    summary: 'Goodwill as a percentage of sales over [from, to) (SPEC §6.2)',
    answers: { 200: report(goodwill, 'staff') },
    errors: ['PROJECTION_BEHIND'],
  },
  followThrough: {
    summary: 'Follow-through over [from, to), as of an instant (SPEC §6.3)',
    answers: { 200: report(followThrough, 'correspondents') },
    errors: ['PROJECTION_BEHIND'],
  },
} satisfies Record<string, RouteDoc>;
