import type { Pool } from 'pg';
import {
  describeError,
  openPool,
  silentLogger,
  withTimeouts,
  type DatabaseTimeouts,
  type EventStore,
  type FollowerLogger,
} from '#event-store';
import { createKafka, type KafkaSettings } from '../kafka/kafka-settings.js';
import { EventPublisher } from './event-publisher.js';
import { PublisherStatus } from './publisher-status.js';

export interface StartPublisherOptions {
  store: Pick<EventStore, 'readAll' | 'countEvents'>;
  /** The database holding `messaging.publisher_checkpoint` (run `messagingMigrations` first). Not closed by stop(). */
  pool?: Pool;
  /** Instead of `pool`: a small pool is opened on it and closed by stop(). */
  databaseUrl?: string;
  /** Bounds on the connections of that pool (DB_CONNECT_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS). */
  databaseTimeouts?: DatabaseTimeouts;
  kafka: KafkaSettings;
  logger?: FollowerLogger;
  clientId?: string;
  batchSize?: number;
  idlePollMs?: number;
  standbyPollMs?: number;
  retryMs?: number;
}

export interface RunningPublisher {
  /** A health contributor: `{ name, health(head), metrics(head) }`. */
  status: PublisherStatus;
  stop(): Promise<void>;
}

/**
 * Publishes the log to `caseledger.events` (KAFKA_EVENTS_TOPIC) from this process when it gets the
 * publisher lock, and stands by otherwise. Returns at once: broker and database trouble are
 * retried in the background and show in `status`.
 */
export function startPublisher(options: StartPublisherOptions): RunningPublisher {
  const logger = options.logger ?? silentLogger;
  const ownPool = options.pool
    ? undefined
    : publisherPool(options.databaseUrl, options.databaseTimeouts, logger);
  const pool = options.pool ?? ownPool!;
  const { eventsTopic, partitions, replicationFactor } = options.kafka;
  const status = new PublisherStatus(pool, options.store, eventsTopic);
  const publisher = new EventPublisher({
    store: options.store,
    pool,
    kafka: createKafka(options.kafka, options.clientId ?? 'caseledger-publisher', logger),
    topic: { topic: eventsTopic, partitions, replicationFactor },
    status,
    logger,
    batchSize: options.batchSize,
    idlePollMs: options.idlePollMs,
    standbyPollMs: options.standbyPollMs,
    retryMs: options.retryMs,
  }).start();
  return {
    status,
    stop: async () => {
      await publisher.stop();
      await ownPool?.end();
    },
  };
}

function publisherPool(
  databaseUrl: string | undefined,
  timeouts: DatabaseTimeouts | undefined,
  logger: FollowerLogger,
): Pool {
  if (!databaseUrl) throw new Error('startPublisher needs a pool or a databaseUrl');
  // One connection for the lock and checkpoint writes, one for /health reads.
  return openPool({ ...withTimeouts({ connectionString: databaseUrl }, timeouts), max: 2 }, (error) =>
    logger.warn({ err: describeError(error) }, 'publisher pool lost an idle connection'),
  );
}
