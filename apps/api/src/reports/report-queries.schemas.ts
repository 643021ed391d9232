import { z } from 'zod';
import { isoInstant, isStorableInstant, STORABLE_MESSAGE } from '#application';

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
    .refine((s) => isStorableInstant(`${s}T00:00:00.000Z`), STORABLE_MESSAGE)
    .transform((s) => `${s}T00:00:00.000Z`),
  isoInstant,
]);

/** Read-your-writes: the global position the report must include (a command's `globalPosition`). */
export const minPosition = z
  .string()
  .regex(/^\d{1,16}$/, 'A non-negative whole number')
  .transform(Number)
  .refine((n) => n <= Number.MAX_SAFE_INTEGER, `At most ${Number.MAX_SAFE_INTEGER}`)
  .optional()
  .meta({
    description:
      'Wait (≤ 5 s) until the reports include this global position (a command’s globalPosition); else 503 PROJECTION_BEHIND',
  });

const asOf = instant.optional().meta({
  description:
    'Business time the report is as of (ISO-8601, or a date meaning its UTC midnight); default now',
});

/**
 * The longest period a report covers: ten years of months. A goodwill report builds a row per
 * month of the period, so 0001..9999 cost 1.3 s of CPU per request; ten years cost a millisecond.
 */
export const MAX_REPORT_PERIOD_DAYS = 3660;
const DAY_MS = 86_400_000;

// Strict objects: a misspelt parameter (`frm=`) is a 400, never a report of another period.
export const repWorkloadQuery = z.strictObject({ asOf, minPosition });

const period = {
  from: instant.meta({ description: 'Start of the period [from, to), business time, included' }),
  to: instant.meta({ description: 'End of the period [from, to), business time, excluded; after from' }),
  minPosition,
};
const fromBeforeTo = (q: { from: string; to: string }) => Date.parse(q.from) < Date.parse(q.to);
const fromBeforeToIssue = { message: '`from` must be before `to` (the period is [from, to))', path: ['to'] };
const notTooLong = (q: { from: string; to: string }) =>
  Date.parse(q.to) - Date.parse(q.from) <= MAX_REPORT_PERIOD_DAYS * DAY_MS;
const notTooLongIssue = { message: `The period is at most ${MAX_REPORT_PERIOD_DAYS} days`, path: ['to'] };

export const goodwillQuery = z
  .strictObject(period)
  .refine(fromBeforeTo, fromBeforeToIssue)
  .refine(notTooLong, notTooLongIssue);
export const followThroughQuery = z
  .strictObject({ ...period, asOf })
  .refine(fromBeforeTo, fromBeforeToIssue)
  .refine(notTooLong, notTooLongIssue);

export type RepWorkloadQuery = z.output<typeof repWorkloadQuery>;
export type GoodwillQuery = z.output<typeof goodwillQuery>;
export type FollowThroughQuery = z.output<typeof followThroughQuery>;
