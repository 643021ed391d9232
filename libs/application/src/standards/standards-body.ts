import { z } from 'zod';
import { occurredAt } from '../shared/common-schemas.js';

const hours = z
  .number()
  .positive()
  .max(24 * 365);

export const setStandardsBody = z.strictObject({
  firstResponseHours: z.strictObject({
    mail: hours,
    email: hours,
    web: hours,
    social: hours,
    phone: hours,
    chat: hours,
  }),
  goodwillPctOfSalesGuideline: z.number().min(0).max(100),
  goodwillPerGrantLimitCents: z.number().int().min(0),
  refundLimitCents: z.number().int().min(0),
  ...occurredAt,
});
export type SetStandardsBody = z.infer<typeof setStandardsBody>;
