import { ORDER_INGEST_TUNING } from '#config';
import { RecordOrderEventsCommand, RecordOrderEventsHandler } from '#application';
import {
  AppendTooLarge,
  describeError,
  DuplicateEventId,
  InvalidEventEnvelope,
  pause,
  silentLogger,
  type EventStore,
  type FollowerLogger,
} from '#event-store';
import { ensureTopics } from '../kafka/ensure-topics.js';
import { createKafka, deadLetterTopic, INGEST_GROUP, type KafkaSettings } from '../kafka/kafka-settings.js';
import type { IngestPorts } from './ingest-chunk.js';
import { IngestConsumer } from './ingest-consumer.js';
import { IngestStatus } from './ingest-status.js';
import { orderMessageDecoder } from './order-message-decoder.js';

export interface StartIngestOptions {
  store: EventStore;
  kafka: KafkaSettings;
  /** The deployment's currency (CURRENCY): order events naming another go to the DLQ. */
  currency: string;
  logger?: FollowerLogger;
  /** Default `caseledger-ingest` (SPEC §5); another only to keep deployments sharing a cluster apart. */
  groupId?: string;
  clientId?: string;
  /** Messages per append; default 1000, the most `POST /order-events` takes in one request. */
  chunkSize?: number;
  /** Partitions whose batches are appended side by side; default min(partitions, 3). */
  partitionsConsumedConcurrently?: number;
  /** Default 10 s: how long a replica that died without leaving keeps its partitions. */
  sessionTimeoutMs?: number;
  /** Pause before a new consumer replaces one kafkajs gave up on. Default 5 s. */
  restartDelayMs?: number;
}

export interface RunningIngest {
  /** A health contributor: `{ name, health(), metrics() }`. */
  status: IngestStatus;
  /** Graceful: finishes the chunk in hand, commits its offsets, leaves the group, disconnects. */
  stop(): Promise<void>;
}

/** The actor every event read from Kafka is recorded under (SPEC §7: every event names its actor). */
export const kafkaActor = (topic: string) => ({ actorId: `kafka:${topic}`, actorRoles: ['integration'] });

/**
 * Ingests `orders.events` into the log until stopped. Creates the topic and its DLQ when missing,
 * then resolves once the consumer runs (a broker that cannot be reached at start is an error the
 * caller sees). Later crashes kafkajs does not recover from are handled here: a new consumer
 * rejoins the group and carries on from the committed offsets.
 */
export async function startIngest(options: StartIngestOptions): Promise<RunningIngest> {
  const logger = options.logger ?? silentLogger;
  const { ordersTopic: topic, partitions, replicationFactor } = options.kafka;
  const groupId = options.groupId ?? INGEST_GROUP;
  const kafka = createKafka(options.kafka, options.clientId ?? 'caseledger-ingest', logger);
  await ensureTopics(
    kafka,
    [topic, deadLetterTopic(topic)].map((name) => ({ topic: name, partitions, replicationFactor })),
    logger,
  );
  const status = new IngestStatus(topic, groupId);
  const ports = orderIngestPorts(options.store, options.currency, topic);
  const consumerOptions = {
    topic,
    deadLetterTopic: deadLetterTopic(topic),
    groupId,
    chunkSize: options.chunkSize ?? ORDER_INGEST_TUNING.chunkSize,
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? Math.min(partitions, 3),
    sessionTimeoutMs: options.sessionTimeoutMs ?? ORDER_INGEST_TUNING.sessionTimeoutMs,
  };
  let consumer = new IngestConsumer(kafka, consumerOptions, ports, status, logger);
  // Half-connected clients would keep the caller's process alive after it gave up.
  await consumer.start().catch(async (error: unknown) => {
    await consumer.stop().catch(() => undefined);
    throw error;
  });
  logger.info({ topic, groupId }, 'kafka ingest started');

  const stopping = new AbortController();
  const stopped = new Promise<void>((resolve) =>
    stopping.signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  const replaceConsumer = async () => {
    while (!stopping.signal.aborted) {
      await consumer.stop().catch(() => undefined);
      await pause(options.restartDelayMs ?? ORDER_INGEST_TUNING.restartDelayMs, stopping.signal);
      if (stopping.signal.aborted) return;
      consumer = new IngestConsumer(kafka, consumerOptions, ports, status, logger);
      try {
        return await consumer.start();
      } catch (error) {
        status.failed(describeError(error));
        logger.error({ err: describeError(error) }, 'kafka ingest consumer did not start; retrying');
      }
    }
  };
  const supervision = (async () => {
    for (;;) {
      const crash = await Promise.race([consumer.crashed, stopped]);
      if (!crash || stopping.signal.aborted) return;
      logger.error({ err: describeError(crash) }, 'kafka ingest consumer gave up; starting a new one');
      await replaceConsumer();
    }
  })();

  return {
    status,
    stop: async () => {
      stopping.abort();
      await supervision;
      await consumer.stop();
      logger.info({ topic, groupId, ...status.counts }, 'kafka ingest stopped');
    },
  };
}

/** Validation and append shared with `POST /order-events`: the same schema, the same handler. */
function orderIngestPorts(
  store: EventStore,
  currency: string,
  topic: string,
): Omit<IngestPorts, 'sendToDeadLetters'> {
  const handler = new RecordOrderEventsHandler(store);
  return {
    decode: orderMessageDecoder(currency),
    record: async (events, correlationId) => {
      const request = { ...kafkaActor(topic), correlationId, causationId: correlationId };
      const { body } = await handler.execute(new RecordOrderEventsCommand(request, events));
      return { appended: body.appended, duplicates: body.duplicates.length };
    },
    refusal: refusalOf,
  };
}

/**
 * What the log refuses whatever the retries: an id already used elsewhere, an envelope or a size it
 * cannot store, or a value PostgreSQL rejects as data (SQLSTATE class 22). Anything else — the
 * database down, a timeout, contention — may pass, and the chunk is retried.
 */
function refusalOf(error: unknown): string | null {
  if (
    error instanceof DuplicateEventId ||
    error instanceof InvalidEventEnvelope ||
    error instanceof AppendTooLarge
  )
    return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('22'))
    return `the database refused the data (${code}): ${(error as Error).message}`;
  return null;
}
