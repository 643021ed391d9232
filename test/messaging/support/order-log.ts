import { isDeepStrictEqual } from 'node:util';
import {
  RecordOrderEventsCommand,
  RecordOrderEventsHandler,
  orderEventMessage,
  type OrderEventMessage,
} from '#application';
import type { EventStore, RecordedEvent } from '#event-store';
import {
  anOrderCancelled,
  anOrderPlaced,
  anOrderShipped,
  type OrderMessage,
} from '../../../libs/messaging/test/order-messages.js';
import type { ReadMessage } from './kafka-io.js';

/**
 * Orders with a history: every order placed, every third one shipped and every seventh cancelled,
 * so streams hold up to three events and per-stream order means something.
 */
export function orderHistories(orders: number, prefix: string): OrderMessage[] {
  const placed = Array.from({ length: orders }, (_, i) =>
    anOrderPlaced({ orderId: `${prefix}-${i}`, totalCents: 500 + i }),
  );
  const shipped = placed.filter((_, i) => i % 3 === 0).map((m) => anOrderShipped(m.orderId));
  const cancelled = placed.filter((_, i) => i % 7 === 0).map((m) => anOrderCancelled(m.orderId));
  return [...placed, ...shipped, ...cancelled];
}

/** Straight into the log through the same handler the doors use, in batches of 1000. */
export async function recordDirectly(store: EventStore, messages: OrderMessage[]): Promise<void> {
  const handler = new RecordOrderEventsHandler(store);
  const schema = orderEventMessage('USD');
  const request = {
    actorId: 'test:seed',
    actorRoles: ['integration'],
    correlationId: 'seed',
    causationId: 'seed',
  };
  for (let i = 0; i < messages.length; i += 1000) {
    const events: OrderEventMessage[] = messages.slice(i, i + 1000).map((m) => schema.parse(m));
    await handler.execute(new RecordOrderEventsCommand(request, events));
  }
}

export async function wholeLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: events.at(-1)?.globalPosition ?? 0, maxCount: 5000 });
    if (page.length === 0) return events;
    events.push(...page);
  }
}

/**
 * Checks the feed against the log: deduplicated by `event-id` it is the log (same envelopes, keys,
 * headers), and each stream's events first appear in revision order. Returns problems, not throws,
 * so a failing test lists them all.
 */
export function feedProblems(feed: ReadMessage[], log: RecordedEvent[]): string[] {
  const problems: string[] = [];
  const firstSeen = new Map<string, ReadMessage>();
  for (const message of feed)
    if (!firstSeen.has(message.headers['event-id']!)) firstSeen.set(message.headers['event-id']!, message);
  const logIds = new Set(log.map((e) => e.eventId));
  for (const id of firstSeen.keys())
    if (!logIds.has(id)) problems.push(`published but not in the log: ${id}`);
  for (const event of log) {
    const message = firstSeen.get(event.eventId);
    if (!message) problems.push(`in the log but never published: ${event.globalPosition} ${event.eventId}`);
    else if (message.key !== event.streamId || message.headers.type !== event.type)
      problems.push(`wrong key or type header for ${event.eventId}`);
    else if (!isDeepStrictEqual(JSON.parse(message.value!), { ...event }))
      problems.push(`envelope differs for ${event.eventId}`);
  }
  const nextRevision = new Map<string, number>();
  for (const message of firstSeen.values()) {
    const { streamId, streamRevision } = JSON.parse(message.value!) as RecordedEvent;
    const expected = nextRevision.get(streamId) ?? 0;
    if (streamRevision !== expected)
      problems.push(`${streamId}: revision ${streamRevision} first seen where ${expected} was due`);
    nextRevision.set(streamId, Math.max(expected, streamRevision + 1));
  }
  return problems;
}
