import { randomUUID } from 'node:crypto';
import type { IHeaders, KafkaMessage } from 'kafkajs';

/** An upstream order event as it travels on `orders.events` (SPEC §5), before validation. */
export type OrderMessage = Record<string, unknown> & { eventId: string; type: string; orderId: string };

/** `anOrderPlaced({ totalCents: 4200 })`: a valid OrderPlaced with a fresh event id. */
export function anOrderPlaced(overrides: Partial<OrderMessage> = {}): OrderMessage {
  return {
    eventId: randomUUID(),
    type: 'OrderPlaced',
    orderId: 'O-1001',
    occurredAt: '2026-09-01T08:30:00.000Z',
    distributorId: 'D-17',
    totalCents: 12900,
    ...overrides,
  };
}

export function anOrderCancelled(orderId: string, overrides: Partial<OrderMessage> = {}): OrderMessage {
  return {
    eventId: randomUUID(),
    type: 'OrderCancelled',
    orderId,
    occurredAt: '2026-09-02T09:00:00.000Z',
    reason: 'customer changed mind',
    ...overrides,
  };
}

export function anOrderShipped(orderId: string, overrides: Partial<OrderMessage> = {}): OrderMessage {
  return {
    eventId: randomUUID(),
    type: 'OrderShipped',
    orderId,
    occurredAt: '2026-09-01T16:00:00.000Z',
    carrier: 'DHL',
    trackingNumber: `TRK-${orderId}`,
    ...overrides,
  };
}

/** `count` OrderPlaced events on distinct orders with varied totals, and what they add up to. */
export function manyOrdersPlaced(
  count: number,
  prefix = 'O',
): { messages: OrderMessage[]; totalCents: number } {
  const messages = Array.from({ length: count }, (_, i) =>
    anOrderPlaced({
      orderId: `${prefix}-${i}`,
      distributorId: `D-${i % 50}`,
      totalCents: 1000 + ((i * 7919) % 90_000),
    }),
  );
  return { messages, totalCents: messages.reduce((sum, m) => sum + (m.totalCents as number), 0) };
}

/** A message as kafkajs hands it to eachBatch. */
export function consumed(
  value: string | null,
  offset: number,
  key: string | null = 'O-1001',
  headers: IHeaders = {},
): KafkaMessage {
  return {
    key: key === null ? null : Buffer.from(key),
    value: value === null ? null : Buffer.from(value),
    offset: String(offset),
    timestamp: '1788251400000',
    attributes: 0,
    headers,
  };
}
