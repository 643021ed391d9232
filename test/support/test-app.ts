import 'reflect-metadata';
import { pino } from 'pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createDatabase, migrateEventStore, PostgresEventStore, withApplicationRole, type EventStore, openPool } from '#event-store';
import { migrateReadModels, startProjector } from '#projections';
import { PostgresAuditLog } from '#audit';
import { AuditController } from '../../apps/api/src/audit/audit.controller.js';
import { auditProviders } from '../../apps/api/src/audit/audit.providers.js';
import { ReportsController } from '../../apps/api/src/reports/reports.controller.js';
import { reportsProviders } from '../../apps/api/src/reports/reports.providers.js';
import type { ApiModuleOptions } from '../../apps/api/src/api.module.js';
import { createApiApp, type HttpLimits } from '../../apps/api/src/create-api-app.js';
import { JwtVerifier } from '../../apps/api/src/auth/jwt-verifier.js';
import { startTestPostgres } from './embedded-postgres.js';

export const TEST_JWT_SECRET = 'test-secret-of-at-least-sixteen-characters';

export interface TestApp {
  url: string;
  databaseUrl: string;
  store: EventStore;
  app: NestExpressApplication;
  /** A signed token for `sub` with `roles`. */
  token(sub: string, ...roles: string[]): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The whole HTTP application — commands, reports with their projector, audit — on its own embedded
 * PostgreSQL, listening on a free port: what the end-to-end tests talk to with real HTTP requests.
 */
export async function startTestApp(
  extra: Partial<ApiModuleOptions> & { limits?: HttpLimits; /** How long reports wait for minPosition (default 5 s). */ reportWaitMs?: number } = {},
): Promise<TestApp> {
  const postgres = await startTestPostgres();
  const databaseUrl = await createDatabase(postgres.url, 'caseledger');
  await migrateEventStore(databaseUrl);
  await migrateReadModels(databaseUrl);
  const store = new PostgresEventStore({ connection: { connectionString: databaseUrl }, poolSize: 10, onBackgroundError: () => undefined });
  const readModels = openPool({ ...withApplicationRole({ connectionString: databaseUrl }), max: 4 }, () => undefined);
  const projector = startProjector({ store, pool: readModels });
  const auditLog = new PostgresAuditLog({ connection: { connectionString: databaseUrl } });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const app = await createApiApp({
    store,
    jwtSecret: TEST_JWT_SECRET,
    currency: 'USD',
    logger,
    controllers: [ReportsController, AuditController],
    providers: [...reportsProviders({ pool: readModels, status: projector.status, waitMs: extra.reportWaitMs }), ...auditProviders(auditLog)],
    healthContributors: [projector.status],
    ...extra,
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const verifier = new JwtVerifier(TEST_JWT_SECRET, extra.auth);
  return {
    url,
    databaseUrl,
    store,
    app,
    token: (sub, ...roles) => verifier.sign(sub, roles),
    stop: async () => {
      await app.close();
      await projector.stop();
      await readModels.end();
      await auditLog.close();
      await store.close();
      await postgres.stop();
    },
  };
}
