import 'reflect-metadata';
import { pino } from 'pino';
import {
  migrateEventStore,
  PostgresEventStore,
  withApplicationRole,
  withTimeouts,
  type DatabaseTimeouts,
  openPool,
} from '#event-store';
import { createDatabase } from '#embedded-postgres';
import { migrateReadModels, startProjector } from '#projections';
import { createApiApp } from '../../../apps/api/src/create-api-app.js';
import { JwtVerifier } from '../../../apps/api/src/auth/jwt-verifier.js';
import { startTestPostgres } from '../../support/embedded-postgres.js';
import { TEST_JWT_SECRET } from '../../support/test-app.js';
import { TcpProxy } from './tcp-proxy.js';

export interface ProxiedApp {
  url: string;
  /** Straight to the server (superuser), past the proxy: what is really in the log. */
  directUrl: string;
  proxy: TcpProxy;
  adminToken: string;
  stop(): Promise<void>;
}

/**
 * The API with its projector on an embedded PostgreSQL reached only through a TcpProxy, with short
 * timeouts so a black hole is answered quickly: the network faults a test can then cause.
 */
export async function startProxiedApp(timeouts: DatabaseTimeouts): Promise<ProxiedApp> {
  const postgres = await startTestPostgres();
  const directUrl = await createDatabase(postgres.url, 'caseledger');
  await migrateEventStore(directUrl);
  await migrateReadModels(directUrl);
  const proxy = await TcpProxy.start({ host: '127.0.0.1', port: postgres.port });
  const proxied = new URL(directUrl);
  proxied.port = String(proxy.port);
  const connection = { connectionString: proxied.toString() };
  const store = new PostgresEventStore({
    connection,
    timeouts,
    poolSize: 10,
    onBackgroundError: () => undefined,
  });
  const readModels = openPool(
    { ...withApplicationRole(withTimeouts(connection, timeouts)), max: 4 },
    () => undefined,
  );
  const projector = startProjector({ store, pool: readModels });
  const app = await createApiApp({
    store,
    jwtSecret: TEST_JWT_SECRET,
    currency: 'USD',
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    healthContributors: [projector.status],
    // Few, so that commands wait at the door during the faults: they must be answered in time too.
    commandsInFlight: 4,
    // Many writers on one token: these tests are about the database, not the per-caller rate.
    limits: { rateLimit: { perSecond: 0, burst: 1 } },
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    url,
    directUrl,
    proxy,
    adminToken: await new JwtVerifier(TEST_JWT_SECRET).sign('admin', ['admin']),
    stop: async () => {
      proxy.heal();
      await app.close();
      await projector.stop();
      await readModels.end();
      await store.close();
      await proxy.close();
      await postgres.stop();
    },
  };
}
