import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  orderStream,
  standardsDecider,
  standardsInForceAt,
  STANDARDS_STREAM,
  type StandardsState,
} from '#domain';
import {
  DuplicateEventId,
  WrongExpectedRevision,
  type AppendResult,
  type EventStore,
  type IdempotencyRecord,
  type NewEvent,
  type StreamAppend,
} from '#event-store';
import type { CommandRequest } from '../shared/command-request.js';
import { envelope } from '../shared/event-envelope.js';
import { answeredBefore, idempotencyKeyOf, idempotencyRecord } from '../shared/idempotency.js';
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
 *
 * The common case (no Idempotency-Key: every Kafka chunk) appends straight away and takes the
 * duplicates from the store's answer (`alreadyLogged`): reading the ids first cost every chunk a
 * lookup of a thousand ids that almost never finds one. The ids are read first only when the
 * answer must be known before the append (an Idempotency-Key stores it with the events), or when
 * an id turns out to be logged under another order (the store refuses that; SPEC §4 counts it as
 * a duplicate).
 */
@CommandHandler(RecordOrderEventsCommand)
export class RecordOrderEventsHandler implements ICommandHandler<RecordOrderEventsCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ request, events }: RecordOrderEventsCommand): Promise<OrderEventsAnswer> {
    const key = idempotencyKeyOf(request);
    if (key) {
      const record = await answeredBefore(this.store, key, request);
      if (record)
        return {
          status: record.answer.status,
          body: {
            ...(record.answer.body as OrderEventsAnswer['body']),
            globalPosition: record.globalPosition ?? 0,
          },
        };
    }
    const duplicates: string[] = [];
    const unique = new Map<string, OrderEventMessage>();
    for (const event of events) {
      if (unique.has(event.eventId)) duplicates.push(event.eventId);
      else unique.set(event.eventId, event);
    }
    const standards = loadStream(this.store, standardsDecider, STANDARDS_STREAM);
    if (!key) {
      try {
        return await this.record(request, unique, duplicates, (await standards).state, undefined);
      } catch (error) {
        if (!(error instanceof DuplicateEventId)) throw error;
      }
    }
    // Both reads at once: a batch waits for one round trip, not two.
    const [known, { state }] = await Promise.all([this.store.readEventsById([...unique.keys()]), standards]);
    for (const event of known) {
      duplicates.push(event.eventId);
      unique.delete(event.eventId);
    }
    const body = { appended: unique.size, duplicates, globalPosition: 0 };
    const idempotency = idempotencyRecord(key, request, { status: 200, body });
    return this.record(request, unique, duplicates, state, idempotency);
  }

  /** Appends the events by order and answers with what the store says it appended. */
  private async record(
    request: CommandRequest,
    unique: Map<string, OrderEventMessage>,
    duplicates: string[],
    standards: StandardsState,
    idempotency: IdempotencyRecord | undefined,
  ): Promise<OrderEventsAnswer> {
    if (unique.size === 0) {
      return {
        status: 200,
        body: { appended: 0, duplicates, globalPosition: await this.store.headPosition() },
      };
    }
    const byOrder = new Map<string, NewEvent[]>();
    for (const m of unique.values()) {
      const event = envelope({ type: m.type, data: orderEventData(m) }, request, {
        eventId: m.eventId,
        causationId: m.eventId,
        occurredAt: m.occurredAt,
        standardsVersion: standardsInForceAt(standards, m.occurredAt).version,
      });
      const list = byOrder.get(m.orderId);
      if (list) list.push(event);
      else byOrder.set(m.orderId, [event]);
    }
    const appends: StreamAppend[] = [...byOrder].map(([orderId, list]) => ({
      streamId: orderStream(orderId),
      events: list,
      expectedRevision: 'any',
    }));
    const results = await this.append(appends, idempotency);
    // Ids logged before this call: a redelivery, or a delivery racing this one since the ids were read.
    const logged = results.flatMap((r) => r.alreadyLogged);
    const appended = unique.size - logged.length;
    return {
      status: 200,
      body: {
        appended,
        duplicates: logged.length === 0 ? duplicates : [...duplicates, ...logged],
        // Nothing appended: the log's last position (SPEC §4), as when every id was known beforehand.
        globalPosition:
          appended === 0
            ? await this.store.headPosition()
            : Math.max(...results.map((r) => r.globalPosition)),
      },
    };
  }

  /**
   * Appends after each order's head, wherever it is ('any'). An order whose events here begin with
   * its OrderPlaced is almost always a new stream, so it is first written as one ('no_stream'): the
   * store then has no head to read, one round trip fewer for a batch of new orders. Should a stream
   * exist after all (facts upstream sent out of order, an order placed twice), the store refuses the
   * whole atomic append and it is made again as 'any' — the outcome 'any' gives, at the price of a
   * second attempt.
   */
  private async append(
    appends: StreamAppend[],
    idempotency: IdempotencyRecord | undefined,
  ): Promise<AppendResult[]> {
    const placing = appends.map((a) =>
      a.events[0]!.type === 'OrderPlaced' ? { ...a, expectedRevision: 'no_stream' as const } : a,
    );
    if (!placing.some((a) => a.expectedRevision === 'no_stream'))
      return this.store.appendToStreams(appends, { idempotency });
    try {
      return await this.store.appendToStreams(placing, { idempotency });
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      return this.store.appendToStreams(appends, { idempotency });
    }
  }
}
