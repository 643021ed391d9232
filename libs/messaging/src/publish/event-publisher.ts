import { EVENT_FEED_TUNING } from '#config';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { Pool } from 'pg';
import {
  describeError,
  pause,
  whileHoldingLock,
  type EventStore,
  type FollowerLogger,
  type HeldConnection,
} from '#event-store';
import { ensureTopics, type TopicPlan } from '../kafka/ensure-topics.js';
import { BROKER_RETRY } from '../kafka/kafka-settings.js';
import { feedMessage } from './feed-message.js';
import { advanceCheckpoint, readCheckpoint } from './publisher-checkpoint.js';
import { publisherLock } from './publisher-lock.js';
import type { PublisherStatus } from './publisher-status.js';

export interface EventPublisherOptions {
  store: Pick<EventStore, 'readAll'>;
  /** One connection is held while active: the lock and the checkpoint writes share it. */
  pool: Pool;
  kafka: Kafka;
  topic: TopicPlan;
  status: PublisherStatus;
  logger: FollowerLogger;
  /** Events per produce request. Default 500. */
  batchSize?: number;
  /** Pause when the log has nothing new. Default 100 ms. */
  idlePollMs?: number;
  /** How often a standby tries to take the lock. Default 3 s. */
  standbyPollMs?: number;
  /** Pause before starting over after a broker or database failure. Default 1 s. */
  retryMs?: number;
}

/**
 * Publishes the log to a topic, in log order, at least once. Only the holder of the lock publishes.
 * Each batch is sent and acknowledged (acks=all) before the checkpoint moves past it, and the next
 * batch is sent only then, so no event passes one that precedes it and a crash republishes at most
 * what follows the checkpoint. After any failure it starts over from the stored checkpoint with a
 * new producer: duplicates, never gaps, and first occurrences still in log order.
 */
export class EventPublisher {
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(private readonly options: EventPublisherOptions) {}

  start(): this {
    this.loop ??= this.run();
    return this;
  }

  /** Stops after the batch in flight (its checkpoint written), frees the lock, disconnects. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private run(): Promise<void> {
    const { logger, status, topic } = this.options;
    const signal = this.stopping.signal;
    return whileHoldingLock({
      pool: this.options.pool,
      lock: publisherLock(topic.topic),
      signal,
      standbyPollMs: this.options.standbyPollMs ?? EVENT_FEED_TUNING.standbyPollMs,
      retryMs: this.options.retryMs ?? EVENT_FEED_TUNING.retryMs,
      holding: (holding) => status.active(holding),
      work: async (connection) => {
        logger.info({ topic: topic.topic }, 'event publisher active: took the lock');
        await ensureTopics(this.options.kafka, [topic], logger, signal);
        const producer = this.producer();
        try {
          await producer.connect();
          await this.publish(connection, producer, signal);
        } finally {
          await producer.disconnect().catch(() => undefined);
        }
      },
      failed: (error) => {
        status.failed(describeError(error));
        logger.warn(
          { err: describeError(error) },
          'event publisher failed; starting over from its checkpoint',
        );
      },
    });
  }

  private async publish(
    { client, check }: HeldConnection,
    producer: Producer,
    signal: AbortSignal,
  ): Promise<void> {
    const { store, topic, status } = this.options;
    let position = await readCheckpoint(client, topic.topic);
    status.resumed();
    while (!signal.aborted) {
      check(); // the lock went with a broken connection
      const events = await store.readAll({
        after: position,
        maxCount: this.options.batchSize ?? EVENT_FEED_TUNING.batchSize,
      });
      if (events.length === 0) {
        await pause(this.options.idlePollMs ?? EVENT_FEED_TUNING.idlePollMs, signal);
        continue;
      }
      await producer.send({ topic: topic.topic, acks: -1, messages: events.map(feedMessage) });
      position = events.at(-1)!.globalPosition;
      await advanceCheckpoint(client, topic.topic, position);
      status.published(events.length);
    }
  }

  private producer(): Producer {
    return this.options.kafka.producer({
      // Idempotent with one request in flight: a retried send neither duplicates nor reorders.
      idempotent: true,
      maxInFlightRequests: 1,
      // Java's murmur2 partitioner: the same streamId lands on the same partition as with Java clients.
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: BROKER_RETRY,
    });
  }
}
