import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { orderStream, standardsDecider, standardsInForceAt, STANDARDS_STREAM } from '#domain';
import type { EventStore, NewEvent, StreamAppend } from '#event-store';
import { ApplicationError } from '../shared/application-error.js';
import type { CommandRequest } from '../shared/command-request.js';
import { loadStream } from '../shared/stream-loader.js';
import { EVENT_STORE } from '../shared/tokens.js';
import { orderEventData, type OrderEventMessage } from './order-event.schema.js';

export interface OrderEventsAnswer {
  status: number;
  body: { appended: number; duplicates: string[]; globalPosition: number };
}

export class RecordOrderEventsCommand extends Command<OrderEventsAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly events: OrderEventMessage[],
  ) {
    super();
  }
}

/**
 * Upstream order facts, from `POST /order-events` or Kafka, appended idempotently by their own
 * `eventId`: an id already in the log, or twice in the batch, counts once and is reported as a
 * duplicate. The batch is appended in one transaction, so a crash leaves all of it or none.
 */
@CommandHandler(RecordOrderEventsCommand)
export class RecordOrderEventsHandler implements ICommandHandler<RecordOrderEventsCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ request, events }: RecordOrderEventsCommand): Promise<OrderEventsAnswer> {
    const key = request.idempotencyKey ? `${request.actorId}:${request.idempotencyKey}` : undefined;
    if (key) {
      const record = await this.store.readIdempotency(key);
      if (record && record.requestHash !== request.requestHash) {
        throw new ApplicationError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request');
      }
      if (record) return { status: record.answer.status, body: { ...(record.answer.body as OrderEventsAnswer['body']), globalPosition: record.globalPosition ?? 0 } };
    }
    const duplicates: string[] = [];
    const unique = new Map<string, OrderEventMessage>();
    for (const event of events) {
      if (unique.has(event.eventId)) duplicates.push(event.eventId);
      else unique.set(event.eventId, event);
    }
    // Both reads at once: a Kafka chunk or a batch of 1,000 waits for one round trip, not two.
    const [known, standardsStream] = await Promise.all([
      this.store.readEventsById([...unique.keys()]),
      loadStream(this.store, standardsDecider, STANDARDS_STREAM),
    ]);
    for (const event of known) {
      duplicates.push(event.eventId);
      unique.delete(event.eventId);
    }
    if (unique.size === 0) {
      return { status: 200, body: { appended: 0, duplicates, globalPosition: await this.store.headPosition() } };
    }
    const standards = standardsStream.state;
    const byOrder = new Map<string, NewEvent[]>();
    for (const m of unique.values()) {
      const event: NewEvent = {
        eventId: m.eventId,
        type: m.type,
        occurredAt: m.occurredAt,
        data: orderEventData(m),
        metadata: {
          actorId: request.actorId,
          actorRoles: request.actorRoles,
          correlationId: request.correlationId,
          causationId: m.eventId,
          ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
          standardsVersion: standardsInForceAt(standards, m.occurredAt).version,
          schemaVersion: 1,
        },
      };
      byOrder.set(m.orderId, [...(byOrder.get(m.orderId) ?? []), event]);
    }
    const appends: StreamAppend[] = [...byOrder].map(([orderId, list]) => ({ streamId: orderStream(orderId), events: list, expectedRevision: 'any' }));
    const body = { appended: unique.size, duplicates, globalPosition: 0 };
    const idempotency = key && request.requestHash ? { key, requestHash: request.requestHash, answer: { status: 200, body } } : undefined;
    const results = await this.store.appendToStreams(appends, { idempotency });
    // A delivery racing this one may have appended some of these ids between the check above and
    // the append (the store then skips them): what this request wrote carries its correlation id.
    const stored = results.flatMap((r) => r.events);
    const raced = stored.filter((e) => e.metadata.correlationId !== request.correlationId).map((e) => e.eventId);
    return {
      status: 200,
      body: {
        appended: stored.length - raced.length,
        duplicates: [...duplicates, ...raced],
        globalPosition: Math.max(...results.map((r) => r.globalPosition)),
      },
    };
  }
}
