import { z } from 'zod';
import { count, instant, position } from '../http/openapi/answers.js';
import type { RouteDoc } from '../http/openapi/documented.js';

const caseListAnswer = z.object({
  cases: z.array(
    z.object({
      caseId: z.string(),
      status: z.enum(['open', 'resolved']),
      receivedAt: instant,
      channel: z.string(),
      complainant: z.object({ type: z.string(), id: z.string(), name: z.string().nullable() }),
      distributorId: z.string().nullable(),
      subject: z.string(),
      category: z.string().nullable(),
      complexity: z.number().int().min(1).max(5).nullable(),
      priority: z.string().nullable(),
      assigneeId: z.string().nullable(),
    }),
  ),
  total: count,
  limit: count,
  offset: count,
  position,
});

const standardsAnswer = z.object({
  version: z.number().int().min(1),
  since: instant.nullable().meta({ description: 'When this set took effect; null for the defaults' }),
  firstResponseHours: z.object({
    mail: z.number(),
    email: z.number(),
    web: z.number(),
    social: z.number(),
    phone: z.number(),
    chat: z.number(),
  }),
  goodwillPctOfSalesGuideline: z.number(),
  goodwillPerGrantLimitCents: count,
  refundLimitCents: count,
});

const goodwillAccountAnswer = z.object({
  staffId: z.string(),
  month: z.string(),
  budgetCents: count,
  grantedCents: count,
  grants: count,
  remainingCents: z
    .number()
    .int()
    .meta({ description: 'Budget less granted; negative after a supervisor went over it' }),
});

const readYourWrites =
  "Read from the read models (eventually consistent): pass a command's globalPosition as minPosition to read your writes.";

/** The console's reads (issue 22): the case list, the standards in force, a goodwill account. */
export const consoleReadsDocs = {
  caseList: {
    summary: 'List cases, filtered and paged, newest received first',
    description: `Every filter given must match; an unknown filter is a 400. ${readYourWrites}`,
    answers: { 200: caseListAnswer },
    errors: ['PROJECTION_BEHIND'],
  },
  standards: {
    summary: 'The service standards in force at an instant (default now)',
    description: readYourWrites,
    answers: { 200: standardsAnswer },
    errors: ['PROJECTION_BEHIND'],
  },
  goodwillAccount: {
    summary: "A staff member's goodwill account for a month (YYYY-MM)",
    description: `A correspondent may read only their own account (403 FORBIDDEN otherwise); supervisors, auditors and analysts read any. ${readYourWrites}`,
    answers: { 200: goodwillAccountAnswer },
    errors: ['PROJECTION_BEHIND'],
  },
} satisfies Record<string, RouteDoc>;
