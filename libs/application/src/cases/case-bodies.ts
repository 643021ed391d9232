import { z } from 'zod';
import {
  category,
  channel,
  id,
  isoInstant,
  occurredAt,
  priority,
  rating,
  text,
} from '../shared/common-schemas.js';

/** Bodies of the case routes of SPEC §4; unknown fields are refused (strict objects). */
export const receiveComplaintBody = z.strictObject({
  caseId: id.optional(),
  channel,
  complainant: z.strictObject({ type: z.enum(['distributor', 'customer']), id, name: text(200).optional() }),
  distributorId: id.optional(),
  orderId: id.optional(),
  subject: text(500),
  body: text(100_000),
  ...occurredAt,
});
export type ReceiveComplaintBody = z.infer<typeof receiveComplaintBody>;

export const sortCaseBody = z.strictObject({
  category,
  complexity: z.number().int().min(1).max(5),
  priority,
  assigneeId: id.optional(),
  ...occurredAt,
});
export type SortCaseBody = z.infer<typeof sortCaseBody>;

export const assignCaseBody = z.strictObject({
  assigneeId: id,
  reason: z.enum(['sort', 'rebalance', 'manual']),
  ...occurredAt,
});
export type AssignCaseBody = z.infer<typeof assignCaseBody>;

export const sendResponseBody = z.strictObject({ channel, summary: text(20_000), ...occurredAt });
export type SendResponseBody = z.infer<typeof sendResponseBody>;

export const promiseFollowUpBody = z.strictObject({
  followUpId: id.optional(),
  dueAt: isoInstant,
  description: text(2_000),
  ...occurredAt,
});
export type PromiseFollowUpBody = z.infer<typeof promiseFollowUpBody>;

export const completeFollowUpBody = z.strictObject({ note: text(2_000).optional(), ...occurredAt });
export type CompleteFollowUpBody = z.infer<typeof completeFollowUpBody>;

export const resolveCaseBody = z.strictObject({ resolution: text(5_000), ...occurredAt });
export type ResolveCaseBody = z.infer<typeof resolveCaseBody>;

export const reopenCaseBody = z.strictObject({ reason: text(2_000), ...occurredAt });
export type ReopenCaseBody = z.infer<typeof reopenCaseBody>;

export const recordSatisfactionBody = z.strictObject({
  rating,
  comment: text(5_000).optional(),
  ...occurredAt,
});
export type RecordSatisfactionBody = z.infer<typeof recordSatisfactionBody>;

export const asOfQuery = z.strictObject({ asOf: isoInstant.optional() });
