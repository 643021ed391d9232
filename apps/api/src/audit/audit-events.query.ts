import { z } from 'zod';
import { isoInstant, noNul, NUL_MESSAGE } from '#application';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '#audit';

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,16}$/, 'A non-negative whole number')
    .transform(Number)
    .refine((n) => n <= max, `At most ${max}`);

const name = z.string().min(1, 'Required').max(200).refine(noNul, NUL_MESSAGE);

/**
 * `GET /audit/events` query. Strict: a misspelt filter (`actor=`) must be a 400, never a silently
 * unfiltered trail that an auditor takes for the answer to their question.
 */
export const auditEventsQuery = z
  .strictObject({
    actorId: name.optional(),
    type: name.optional(),
    streamId: name.optional(),
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    after: wholeNumber(Number.MAX_SAFE_INTEGER).optional(),
    limit: wholeNumber(MAX_PAGE_SIZE)
      .refine((n) => n >= 1, 'At least 1')
      .default(DEFAULT_PAGE_SIZE),
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), {
    message: '`from` must be before `to` (the period is [from, to))',
    path: ['to'],
  });

export type AuditEventsQueryParams = z.output<typeof auditEventsQuery>;
