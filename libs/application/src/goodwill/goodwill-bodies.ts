import { z } from 'zod';
import { cents, currencyField, id, month, occurredAt, text } from '../shared/common-schemas.js';

export const grantGoodwillBody = (currency: string) =>
  z
    .strictObject({
      grantId: id.optional(),
      kind: z.enum(['credit', 'product']),
      amountCents: cents,
      sku: id.optional(),
      quantity: z.number().int().min(1).optional(),
      reason: text(2_000),
      staffId: id.optional(),
      ...currencyField(currency),
      ...occurredAt,
    })
    .superRefine((body, ctx) => {
      if (body.kind !== 'product') return;
      if (body.sku === undefined)
        ctx.addIssue({ code: 'custom', path: ['sku'], message: 'Required for kind product' });
      if (body.quantity === undefined)
        ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'Required for kind product' });
    });
export type GrantGoodwillBody = z.infer<ReturnType<typeof grantGoodwillBody>>;

export const allocateBudgetBody = (currency: string) =>
  z.strictObject({ staffId: id, month, amountCents: cents, ...currencyField(currency), ...occurredAt });
export type AllocateBudgetBody = z.infer<ReturnType<typeof allocateBudgetBody>>;
