import type { Logger } from 'pino';
import type { CaseledgerConfig } from '#config';
import type { EventStore } from '#event-store';
import { kafkaHealthContributor, startIngest, startPublisher } from '#messaging';

export interface KafkaPartOptions {
  /** Consume upstream order events into the log. */
  ingest: boolean;
  /** Publish the log to caseledger.events. */
  publish: boolean;
  /** The ingest's consumer group and session timeout, when the process was given them. */
  groupId?: string;
  sessionTimeoutMs?: number;
}

/**
 * Kafka (SPEC §5) in this process: the ingest of upstream order events and the publication of the
 * log. `npm start` runs both with KAFKA_BROKERS set; `apps/ingest` runs the ingest only. Stopped
 * before the database: the ingest finishes its chunk and commits its offsets.
 */
export async function startKafkaPart(
  config: CaseledgerConfig & { kafka: NonNullable<CaseledgerConfig['kafka']> },
  store: EventStore,
  databaseUrl: string,
  logger: Logger,
  options: KafkaPartOptions,
) {
  const log = logger.child({ part: 'kafka' });
  const ingest = options.ingest
    ? await startIngest({
        store,
        kafka: config.kafka,
        currency: config.currency,
        logger: log,
        groupId: options.groupId,
        sessionTimeoutMs: options.sessionTimeoutMs,
      })
    : undefined;
  const publisher = options.publish
    ? startPublisher({
        store,
        databaseUrl,
        databaseTimeouts: config.dbTimeouts,
        kafka: config.kafka,
        logger: log,
      })
    : undefined;
  return {
    health: kafkaHealthContributor({ ingest: ingest?.status, publisher: publisher?.status }),
    stop: async () => {
      await ingest?.stop();
      await publisher?.stop();
    },
  };
}
