import { Kafka, logLevel, type LogEntry, type RetryOptions } from 'kafkajs';
import type { CaseledgerConfig } from '#config';
import type { FollowerLogger } from '#event-store';

/** The `kafka` part of the validated configuration (KAFKA_BROKERS, KAFKA_*_TOPIC, partitions, replication). */
export type KafkaSettings = NonNullable<CaseledgerConfig['kafka']>;

/** The consumer group of SPEC §5: every ingest replica joins it, so they share the partitions. */
export const INGEST_GROUP = 'caseledger-ingest';

/** Where messages that fail validation go: `<orders topic>.dlq` (`orders.events.dlq` by default). */
export const deadLetterTopic = (ordersTopic: string): string => `${ordersTopic}.dlq`;

/**
 * Retries that outlast a broker restart (~10 s for the local KRaft broker): up to ~40 s in all,
 * after which the consumer crashes and kafkajs restarts it, or the publisher starts over from its
 * checkpoint. Nothing is lost in either case; it only costs time.
 */
export const BROKER_RETRY: RetryOptions = { initialRetryTime: 250, maxRetryTime: 5_000, retries: 10 };

export function createKafka(
  settings: Pick<KafkaSettings, 'brokers'>,
  clientId: string,
  logger: FollowerLogger,
): Kafka {
  return new Kafka({
    clientId,
    brokers: settings.brokers,
    connectionTimeout: 3_000,
    retry: BROKER_RETRY,
    logLevel: logLevel.WARN,
    logCreator: () => (entry) => forward(logger, entry),
  });
}

/** kafkajs' own lines (rebalances, lost brokers) into our structured log. */
function forward(logger: FollowerLogger, { namespace, level, log }: LogEntry): void {
  const { message, ...details } = log;
  const line = { kafkajs: namespace, ...details };
  if (level === logLevel.ERROR) logger.error(line, message);
  // Our idempotent producers retry a bounded time on purpose (a stop must not hang on a dead
  // broker); after a failed send they are replaced or the work is redone, so the feed and the DLQ
  // stay at least once. The warning kafkajs prints for that at every start is not news.
  else if (level === logLevel.WARN && !message.startsWith('Limiting retries for the idempotent producer'))
    logger.warn(line, message);
  else logger.info(line, message);
}
