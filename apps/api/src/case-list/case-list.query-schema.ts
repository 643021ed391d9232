import { DEFAULT_CASE_PAGE, MAX_CASE_PAGE } from '#config';
import { z } from 'zod';
import { category, channel, id, isoInstant, noNul, NUL_MESSAGE, priority } from '#application';

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, 'A non-negative whole number')
    .transform(Number)
    .refine((n) => n <= max, `At most ${max}`);

/**
 * `GET /cases` query. Strict, as the audit trail's: a misspelt filter must be a 400, never a
 * silently unfiltered list a supervisor takes for the answer.
 */
export const caseListQuery = z
  .strictObject({
    status: z.enum(['open', 'resolved']).optional(),
    assigneeId: id.optional(),
    category: category.optional(),
    priority: priority.optional(),
    channel: channel.optional(),
    complainantId: id.optional(),
    receivedFrom: isoInstant.optional(),
    receivedTo: isoInstant.optional(),
    subject: z.string().trim().min(1).max(200).refine(noNul, NUL_MESSAGE).optional(),
    limit: wholeNumber(MAX_CASE_PAGE)
      .refine((n) => n >= 1, 'At least 1')
      .default(DEFAULT_CASE_PAGE),
    offset: wholeNumber(1_000_000).default(0),
    minPosition: wholeNumber(Number.MAX_SAFE_INTEGER).optional(),
  })
  .refine(
    (q) =>
      q.receivedFrom === undefined ||
      q.receivedTo === undefined ||
      Date.parse(q.receivedFrom) < Date.parse(q.receivedTo),
    {
      message: '`receivedFrom` must be before `receivedTo` (the period is [from, to))',
      path: ['receivedTo'],
    },
  );

export type CaseListQueryParams = z.output<typeof caseListQuery>;
