import { DEFAULT_AUDIT_PAGE_SIZE, MAX_AUDIT_PAGE_SIZE } from '#config';
import { z } from 'zod';
import { isoInstant, noNul, NUL_MESSAGE } from '#application';

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,16}$/, 'A non-negative whole number')
    .transform(Number)
    .refine((n) => n <= max, `At most ${max}`);

/** Paging by global position, as every audit listing pages: `after` the previous page's `next`. */
export const positionPage = (items: string) => ({
  after: wholeNumber(Number.MAX_SAFE_INTEGER)
    .optional()
    .meta({ description: 'Global position, exclusive: the `next` of the previous page; default 0' }),
  limit: wholeNumber(MAX_AUDIT_PAGE_SIZE)
    .refine((n) => n >= 1, 'At least 1')
    .default(DEFAULT_AUDIT_PAGE_SIZE)
    .meta({ description: `${items} per page, 1–${MAX_AUDIT_PAGE_SIZE}, default ${DEFAULT_AUDIT_PAGE_SIZE}` }),
});

const name = z.string().min(1, 'Required').max(200).refine(noNul, NUL_MESSAGE);

/**
 * `GET /audit/events` query. Strict: a misspelt filter (`actor=`) must be a 400, never a silently
 * unfiltered trail that an auditor takes for the answer to their question.
 */
export const auditEventsQuery = z
  .strictObject({
    actorId: name.optional().meta({ description: 'metadata.actorId: who decided (staffId or system name)' }),
    type: name.optional().meta({ description: 'Event type, e.g. GoodwillGranted' }),
    streamId: name
      .optional()
      .meta({ description: 'e.g. case-{caseId}, goodwill-{staffId}, order-{orderId}' }),
    from: isoInstant.optional().meta({ description: 'Business time (occurredAt), ISO-8601, included' }),
    to: isoInstant
      .optional()
      .meta({ description: 'Business time (occurredAt), ISO-8601, excluded; after from' }),
    ...positionPage('Events'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), {
    message: '`from` must be before `to` (the period is [from, to))',
    path: ['to'],
  });

export type AuditEventsQueryParams = z.output<typeof auditEventsQuery>;
