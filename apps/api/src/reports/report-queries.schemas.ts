import { z } from 'zod';
import { isoInstant } from '#application';

/** An ISO-8601 instant, or a calendar date meaning its UTC midnight (what analysts type). */
const instant = z.union([
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine(
      (s) =>
        !Number.isNaN(Date.parse(`${s}T00:00:00.000Z`)) &&
        new Date(`${s}T00:00:00.000Z`).toISOString().startsWith(s),
      'Not a real date',
    )
    .transform((s) => `${s}T00:00:00.000Z`),
  isoInstant,
]);

/** Read-your-writes: the global position the report must include (a command's `globalPosition`). */
export const minPosition = z
  .string()
  .regex(/^\d{1,15}$/, 'A non-negative whole number')
  .transform(Number)
  .optional()
  .meta({
    description:
      'Wait (≤ 5 s) until the reports include this global position (a command’s globalPosition); else 503 PROJECTION_BEHIND',
  });

const asOf = instant
  .optional()
  .meta({
    description:
      'Business time the report is as of (ISO-8601, or a date meaning its UTC midnight); default now',
  });

export const repWorkloadQuery = z.object({ asOf, minPosition });

const period = {
  from: instant.meta({ description: 'Start of the period [from, to), business time, included' }),
  to: instant.meta({ description: 'End of the period [from, to), business time, excluded; after from' }),
  minPosition,
};
const fromBeforeTo = (q: { from: string; to: string }) => Date.parse(q.from) < Date.parse(q.to);
const fromBeforeToIssue = { message: '`from` must be before `to` (the period is [from, to))', path: ['to'] };

export const goodwillQuery = z.object(period).refine(fromBeforeTo, fromBeforeToIssue);
export const followThroughQuery = z.object({ ...period, asOf }).refine(fromBeforeTo, fromBeforeToIssue);

export type RepWorkloadQuery = z.output<typeof repWorkloadQuery>;
export type GoodwillQuery = z.output<typeof goodwillQuery>;
export type FollowThroughQuery = z.output<typeof followThroughQuery>;
