import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '#config';
import type { PostgresEventStore } from '#event-store';
import { createDatabase } from '#embedded-postgres';
import { migrateAll } from '../../libs/runtime/src/logins/migrate-all.js';
import { JwtVerifier } from '../../apps/api/src/auth/jwt-verifier.js';
import {
  authOptions,
  composeCaseledger,
  type ApiOverrides,
} from '../../apps/standalone/src/compose-caseledger.js';
import { untilDisconnected } from './until-disconnected.js';
import { startTestPostgres } from './embedded-postgres.js';
import { Http } from './http.js';

export const TEST_JWT_SECRET = 'test-secret-of-at-least-sixteen-characters';

export interface TestApp {
  url: string;
  databaseUrl: string;
  store: PostgresEventStore;
  app: NestExpressApplication;
  /** A signed token for `sub` with `roles`. */
  token(sub: string, ...roles: string[]): Promise<string>;
  /** An HTTP client carrying such a token. */
  as(sub: string, ...roles: string[]): Promise<Http>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** Configuration as an operator writes it (README, Configuration), over the defaults. */
  env?: Record<string, string>;
  /** What no setting says and only a test changes (a clock, how soon provider keys are fetched again). */
  overrides?: ApiOverrides;
  /** The console's built assets, served at /console. */
  consoleDir?: string;
  /** A second replica on this app's database (the same log, a process of its own) instead of a new server. */
  replicaOf?: TestApp;
}

/**
 * The whole system as `npm start` composes it (composeCaseledger: the log, the projector and read
 * models, the audit and signed digests, the API) on its own embedded PostgreSQL migrated by the
 * product's migrateAll, listening on a free port: what the end-to-end tests talk to over HTTP.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const postgres = options.replicaOf ? undefined : await startTestPostgres();
  const databaseUrl = options.replicaOf?.databaseUrl ?? (await createDatabase(postgres!.url, 'caseledger'));
  await migrateAll(databaseUrl);
  // The signing key of the log digests is made on first start in DATA_DIR, as with npm start.
  const dataDir = await mkdtemp(join(tmpdir(), 'caseledger-data-'));
  const config = loadConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: TEST_JWT_SECRET, ...options.env });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const caseledger = await composeCaseledger(config, databaseUrl, logger, {
    jwtSecret: TEST_JWT_SECRET,
    consoleDir: options.consoleDir,
    overrides: options.overrides,
  });
  await caseledger.app.listen(0, '127.0.0.1');
  const url = (await caseledger.app.getUrl()).replace('[::1]', '127.0.0.1');
  const verifier = new JwtVerifier(TEST_JWT_SECRET, { ...authOptions(config), ...options.overrides?.auth });
  return {
    url,
    databaseUrl,
    store: caseledger.store as PostgresEventStore,
    app: caseledger.app,
    token: (sub, ...roles) => verifier.sign(sub, roles),
    as: async (sub, ...roles) => new Http(url, await verifier.sign(sub, roles)),
    stop: async () => {
      await caseledger.stop();
      if (postgres) {
        // Sessions end a moment after their pools say so; stopping the server first makes them error.
        // (A replica stops first and leaves the server to the app whose server it is.)
        await untilDisconnected(databaseUrl);
        await postgres.stop();
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
