import { DIGEST_FEED_TUNING } from '#config';
import type { Kafka, Producer } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import { ensureTopics } from '../kafka/ensure-topics.js';
import { BROKER_RETRY, createKafka, type KafkaSettings } from '../kafka/kafka-settings.js';
import { describeError, pause, silentLogger, whileHoldingLock, type FollowerLogger } from '#event-store';
import { advanceCheckpoint, readCheckpoint } from './publisher-checkpoint.js';
import { publisherLock } from './publisher-lock.js';

/** Where signed log digests go (SPEC §7.1). */
export const DIGESTS_TOPIC = 'caseledger.digests';

/** A digest as the publisher needs it: its position (the checkpoint) and its JSON. */
export interface PublishableDigest {
  position: number;
  keyId: string;
  json: string;
}

export interface DigestPublisherOptions {
  /** Digests stored after `after`, in position order (audit.log_digests). */
  readDigests(after: number, limit: number): Promise<PublishableDigest[]>;
  pool: Pool;
  kafka: KafkaSettings;
  /** Default caseledger.digests; another only to keep test runs on one broker apart. */
  topic?: string;
  logger?: FollowerLogger;
  pollMs?: number;
  retryMs?: number;
}

/**
 * Publishes every stored digest to `caseledger.digests`, in position order, at least once: the
 * same checkpoint table and per-topic lock as the event publisher, the digest table as the
 * source. One partition, so consumers see the digests in the order they extend each other.
 */
export function startDigestPublisher(options: DigestPublisherOptions): { stop(): Promise<void> } {
  const stopping = new AbortController();
  const logger = options.logger ?? silentLogger;
  const kafka = createKafka(options.kafka, 'caseledger-digest-publisher', logger);
  const topic = options.topic ?? DIGESTS_TOPIC;
  const retryMs = options.retryMs ?? DIGEST_FEED_TUNING.retryMs;
  const loop = whileHoldingLock({
    pool: options.pool,
    lock: publisherLock(topic),
    signal: stopping.signal,
    standbyPollMs: retryMs,
    retryMs,
    work: async ({ client }) => {
      const plan = { topic, partitions: 1, replicationFactor: options.kafka.replicationFactor };
      await ensureTopics(kafka, [plan], logger, stopping.signal);
      const producer = idempotentProducer(kafka);
      try {
        await producer.connect();
        await publish(client, producer, topic, options, stopping.signal);
      } finally {
        await producer.disconnect().catch(() => undefined);
      }
    },
    failed: (error) =>
      logger.warn(
        { err: describeError(error) },
        'digest publisher failed; starting over from its checkpoint',
      ),
  });
  return {
    stop: async () => {
      stopping.abort();
      await loop;
    },
  };
}

async function publish(
  client: PoolClient,
  producer: Producer,
  topic: string,
  options: DigestPublisherOptions,
  signal: AbortSignal,
): Promise<void> {
  let position = await readCheckpoint(client, topic);
  while (!signal.aborted) {
    const digests = await options.readDigests(position, 100);
    if (digests.length === 0) {
      await pause(options.pollMs ?? DIGEST_FEED_TUNING.pollMs, signal);
      continue;
    }
    await producer.send({
      topic,
      acks: -1,
      messages: digests.map((d) => ({
        key: d.keyId,
        value: d.json,
        headers: { position: String(d.position) },
      })),
    });
    position = digests.at(-1)!.position;
    await advanceCheckpoint(client, topic, position);
  }
}

function idempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: BROKER_RETRY });
}
