import 'reflect-metadata';
import { pino } from 'pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createDatabase, migrateEventStore, PostgresEventStore, type EventStore } from '#event-store';
import type { ApiModuleOptions } from '../../apps/api/src/api.module.js';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
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
 * The whole HTTP application on its own embedded PostgreSQL, listening on a free port: what the
 * end-to-end tests talk to with real HTTP requests.
 */
export async function startTestApp(extra: Partial<ApiModuleOptions> = {}): Promise<TestApp> {
  const postgres = await startTestPostgres();
  const databaseUrl = await createDatabase(postgres.url, 'caseledger');
  await migrateEventStore(databaseUrl);
  const store = new PostgresEventStore({ connection: { connectionString: databaseUrl }, poolSize: 10 });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const app = await createApiApp({ store, jwtSecret: TEST_JWT_SECRET, currency: 'USD', logger, ...extra });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const verifier = new JwtVerifier(TEST_JWT_SECRET);
  return {
    url,
    databaseUrl,
    store,
    app,
    token: (sub, ...roles) => verifier.sign(sub, roles),
    stop: async () => {
      await app.close();
      await store.close();
      await postgres.stop();
    },
  };
}
