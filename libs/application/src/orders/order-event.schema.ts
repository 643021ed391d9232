import { z } from 'zod';
import { cents, currencyField, id, isoInstant, text } from '../shared/common-schemas.js';

/**
 * One upstream order event, as it arrives on Kafka (`orders.events`) or in `POST /order-events`
 * (SPEC §5). The same schema serves both doors.
 */
export const ORDER_EVENT_TYPES = [
  'OrderPlaced',
  'OrderCancelled',
  'OrderShipped',
  'OrderReturned',
  'PaymentDeclined',
] as const;

export const orderEventMessage = (currency: string) =>
  z
    .strictObject({
      // A UUID in any letter case names one event (the log stores it lower-case): compare it so.
      eventId: z.uuid('eventId must be a UUID').transform((id) => id.toLowerCase()),
      type: z.enum(ORDER_EVENT_TYPES),
      orderId: id,
      occurredAt: isoInstant,
      ...currencyField(currency),
      distributorId: id.optional(),
      customerId: id.optional(),
      totalCents: cents.optional(),
      amountCents: cents.optional(),
      reason: text(2_000).optional(),
      carrier: text(200).optional(),
      trackingNumber: text(200).optional(),
    })
    .superRefine((m, ctx) => {
      const need = (field: keyof typeof m) => {
        if (m[field] === undefined)
          ctx.addIssue({ code: 'custom', path: [field], message: `Required for ${m.type}` });
      };
      if (m.type === 'OrderPlaced') {
        need('distributorId');
        need('totalCents');
      }
      if (m.type === 'OrderReturned') need('amountCents');
    });
export type OrderEventMessage = z.infer<ReturnType<typeof orderEventMessage>>;

export const orderEventBatch = (currency: string) =>
  z.strictObject({
    events: z
      .array(orderEventMessage(currency))
      .min(1, 'At least one event')
      .max(1000, 'At most 1000 events'),
  });

/** The event's `data` exactly as SPEC §3 names its fields. */
export function orderEventData(m: OrderEventMessage): Record<string, unknown> {
  // Members in canonical (sorted) order: the store then hashes the text JSON.stringify writes.
  switch (m.type) {
    case 'OrderPlaced':
      return strip({
        customerId: m.customerId,
        distributorId: m.distributorId,
        orderId: m.orderId,
        totalCents: m.totalCents,
      });
    case 'OrderCancelled':
      return strip({ orderId: m.orderId, reason: m.reason });
    case 'OrderShipped':
      return strip({ carrier: m.carrier, orderId: m.orderId, trackingNumber: m.trackingNumber });
    case 'OrderReturned':
      return strip({ amountCents: m.amountCents, orderId: m.orderId });
    case 'PaymentDeclined':
      return strip({ orderId: m.orderId, reason: m.reason });
  }
}

/** The members that have a value, in the order given. */
function strip(o: Record<string, unknown>): Record<string, unknown> {
  const present: Record<string, unknown> = {};
  for (const key in o) if (o[key] !== undefined) present[key] = o[key];
  return present;
}
