import 'reflect-metadata';
import { pino } from 'pino';
import { createDatabase, migrateEventStore, PostgresEventStore, withApplicationRole, openPool } from '#event-store';
import { migrateReadModels, startProjector, type RunningProjector } from '#projections';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { JwtVerifier } from '../../apps/api/src/auth/jwt-verifier.js';
import { ReportsController } from '../../apps/api/src/reports/reports.controller.js';
import { reportsProviders } from '../../apps/api/src/reports/reports.providers.js';
import { startTestPostgres } from '../support/embedded-postgres.js';
import { Http } from '../support/http.js';
import { TEST_JWT_SECRET } from '../support/test-app.js';

export interface ReportsTestApp {
  url: string;
  store: PostgresEventStore;
  projector: RunningProjector;
  as(sub: string, ...roles: string[]): Promise<Http>;
  stop(): Promise<void>;
}

/**
 * The HTTP application wired as a host process wires the reports: read-model migrations, the
 * projector in-process, ReportsController with its providers, the projections' /health part.
 * `waitMs` shortens the read-your-writes wait so the 503 case does not take 5 s.
 */
export async function startReportsTestApp(options: { waitMs?: number } = {}): Promise<ReportsTestApp> {
  const postgres = await startTestPostgres();
  const databaseUrl = await createDatabase(postgres.url, 'caseledger');
  await migrateEventStore(databaseUrl);
  await migrateReadModels(databaseUrl);
  const store = new PostgresEventStore({
    connection: { connectionString: databaseUrl },
    poolSize: 10,
    onBackgroundError: () => undefined,
  });
  const pool = openPool({ ...withApplicationRole({ connectionString: databaseUrl }), max: 6 }, () => undefined);
  const projector = startProjector({ store, pool });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const app = await createApiApp({
    store,
    jwtSecret: TEST_JWT_SECRET,
    currency: 'USD',
    logger,
    controllers: [ReportsController],
    providers: reportsProviders({ pool, status: projector.status, waitMs: options.waitMs }),
    healthContributors: [projector.status],
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const verifier = new JwtVerifier(TEST_JWT_SECRET);
  return {
    url,
    store,
    projector,
    as: async (sub, ...roles) => new Http(url, await verifier.sign(sub, roles)),
    stop: async () => {
      await app.close();
      await projector.stop();
      await pool.end();
      await store.close();
      await postgres.stop();
    },
  };
}
