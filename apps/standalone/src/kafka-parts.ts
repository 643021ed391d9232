import type { Logger } from 'pino';
import type { CaseledgerConfig } from '#config';
import type { DatabaseTimeouts, EventStore } from '#event-store';
import { kafkaHealthContributor, startIngest, startPublisher } from '#messaging';
import type { HealthContributor } from '../../api/src/health/health-contributor.js';

/**
 * With KAFKA_BROKERS set, `npm start` also ingests upstream order events and publishes the log
 * (SPEC §5). Stopped before the database: the ingest finishes its chunk and commits its offsets.
 */
export async function startKafkaParts(
  kafka: NonNullable<CaseledgerConfig['kafka']>,
  currency: string,
  store: EventStore,
  databaseUrl: string,
  logger: Logger,
  databaseTimeouts?: DatabaseTimeouts,
): Promise<{ health: HealthContributor; stop(): Promise<void> }> {
  const log = logger.child({ part: 'kafka' });
  const ingest = await startIngest({ store, kafka, currency, logger: log });
  const publisher = startPublisher({ store, databaseUrl, databaseTimeouts, kafka, logger: log });
  return {
    health: kafkaHealthContributor({ ingest: ingest.status, publisher: publisher.status }),
    stop: async () => {
      await ingest.stop();
      await publisher.stop();
    },
  };
}
