import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { PostgresAuditLog } from '#audit';
import { createDatabase, migrateEventStore, PostgresEventStore, withApplicationRole, openPool } from '#event-store';
import { migrateReadModels, startProjector } from '#projections';
import { AuditController } from '../../../apps/api/src/audit/audit.controller.js';
import { auditProviders } from '../../../apps/api/src/audit/audit.providers.js';
import { JwtVerifier } from '../../../apps/api/src/auth/jwt-verifier.js';
import { CaseListController } from '../../../apps/api/src/case-list/case-list.controller.js';
import { StandardsController } from '../../../apps/api/src/case-list/standards.controller.js';
import { GoodwillAccountController } from '../../../apps/api/src/case-list/goodwill-account.controller.js';
import { createApiApp } from '../../../apps/api/src/create-api-app.js';
import { ReportsController } from '../../../apps/api/src/reports/reports.controller.js';
import { reportsProviders } from '../../../apps/api/src/reports/reports.providers.js';
import { startTestPostgres } from '../../support/embedded-postgres.js';
import { Http } from '../../support/http.js';
import { TEST_JWT_SECRET } from '../../support/test-app.js';
import type { ReportsTestApp } from '../../reports/reports-test-app.js';
import { untilDisconnected } from '../../audit/support/audit-app.js';

const root = new URL('../../..', import.meta.url).pathname;

export interface ConsoleTestApp extends ReportsTestApp {
  databaseUrl: string;
  token(sub: string, ...roles: string[]): Promise<string>;
}

/** Builds the console with the project's own build step, into a folder of this test run. */
async function buildConsole(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'caseledger-console-'));
  await promisify(execFile)(process.execPath, [join(root, 'infra/tools/build-console.mjs'), out], {
    cwd: root,
  });
  return out;
}

/**
 * The API wired as `npm start` wires it — reports, case list, standards, audit, the console at
 * /console — on an embedded PostgreSQL with the projector in-process.
 */
export async function startConsoleApp(): Promise<ConsoleTestApp> {
  const consoleDir = await buildConsole();
  const postgres = await startTestPostgres();
  const databaseUrl = await createDatabase(postgres.url, 'caseledger');
  await migrateEventStore(databaseUrl);
  await migrateReadModels(databaseUrl);
  const store = new PostgresEventStore({
    connection: { connectionString: databaseUrl },
    poolSize: 10,
    onBackgroundError: () => undefined,
  });
  const pool = openPool({ ...withApplicationRole({ connectionString: databaseUrl }), max: 6 }, () => undefined); // an idle client told to go while the server stops
  const projector = startProjector({ store, pool });
  const auditLog = new PostgresAuditLog({ connection: { connectionString: databaseUrl } });
  const app = await createApiApp({
    store,
    jwtSecret: TEST_JWT_SECRET,
    currency: 'USD',
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    consoleDir,
    controllers: [
      ReportsController,
      CaseListController,
      StandardsController,
      GoodwillAccountController,
      AuditController,
    ],
    providers: [
      ...reportsProviders({ pool, status: projector.status, waitMs: 3000 }),
      ...auditProviders(auditLog),
    ],
    healthContributors: [projector.status],
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const verifier = new JwtVerifier(TEST_JWT_SECRET);
  return {
    url,
    store,
    projector,
    databaseUrl,
    token: (sub, ...roles) => verifier.sign(sub, roles),
    as: async (sub, ...roles) => new Http(url, await verifier.sign(sub, roles)),
    stop: async () => {
      await app.close();
      await projector.stop();
      await auditLog.close();
      await pool.end();
      await store.close();
      // Sessions end a moment after their pools say so; stopping the server first makes them error.
      await untilDisconnected(databaseUrl);
      await postgres.stop();
      await rm(consoleDir, { recursive: true, force: true });
    },
  };
}
