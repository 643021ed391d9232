import { z } from 'zod';
import { cents, currencyField, id, occurredAt, text } from '../shared/common-schemas.js';

export const refundBody = (currency: string) =>
  z.strictObject({
    refundId: id.optional(),
    orderId: id,
    amountCents: cents,
    reason: text(2_000),
    ...currencyField(currency),
    ...occurredAt,
  });
export type RefundBody = z.infer<ReturnType<typeof refundBody>>;
