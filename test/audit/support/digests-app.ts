import pg from 'pg';
import { pino } from 'pino';
import { PostgresAuditLog } from '#audit';
import { PostgresEventStore, withApplicationRole, openPool } from '#event-store';
import { createDatabase } from '#embedded-postgres';
import { migrateAll } from '#runtime';
import { AuditController } from '../../../apps/api/src/audit/audit.controller.js';
import {
  AuditDigestsController,
  DIGESTS_POOL,
} from '../../../apps/api/src/audit/audit-digests.controller.js';
import { auditProviders } from '../../../apps/api/src/audit/audit.providers.js';
import { JwtVerifier } from '../../../apps/api/src/auth/jwt-verifier.js';
import { createApiApp } from '../../../apps/api/src/create-api-app.js';
import { startTestPostgres } from '../../support/embedded-postgres.js';
import { Http } from '../../support/http.js';
import { TEST_JWT_SECRET, type TestApp } from '../../support/test-app.js';
import { untilDisconnected } from '../../support/until-disconnected.js';

export interface DigestsApp extends TestApp {
  /** The superuser URL of the server (for copies of the log). */
  serverUrl: string;
  /** Works as caseledger_app, as the issuer's pool does in `npm start`. */
  pool: pg.Pool;
}

/**
 * The API with the audit routes and the digests' routes, every schema migrated, on its own server —
 * without the issuer npm start runs: these tests issue digests themselves, with keys they choose.
 */
export async function startDigestsApp(): Promise<DigestsApp> {
  const postgres = await startTestPostgres();
  const databaseUrl = await createDatabase(postgres.url, 'caseledger');
  await migrateAll(databaseUrl);
  const store = new PostgresEventStore({
    connection: { connectionString: databaseUrl },
    poolSize: 6,
    onBackgroundError: () => undefined,
  });
  const pool = openPool(
    { ...withApplicationRole({ connectionString: databaseUrl }), max: 4 },
    () => undefined,
  );
  const auditLog = new PostgresAuditLog({ connection: { connectionString: databaseUrl } });
  const app = await createApiApp({
    store,
    jwtSecret: TEST_JWT_SECRET,
    currency: 'USD',
    logger: pino({ level: 'silent' }),
    healthContributors: [],
    controllers: [AuditController, AuditDigestsController],
    providers: [...auditProviders(auditLog), { provide: DIGESTS_POOL, useValue: pool }],
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const verifier = new JwtVerifier(TEST_JWT_SECRET);
  return {
    url,
    databaseUrl,
    serverUrl: postgres.url,
    pool,
    store,
    app,
    token: (sub, ...roles) => verifier.sign(sub, roles),
    as: async (sub, ...roles) => new Http(url, await verifier.sign(sub, roles)),
    stop: async () => {
      await app.close();
      await auditLog.close();
      await pool.end();
      await store.close();
      await untilDisconnected(databaseUrl);
      await postgres.stop();
    },
  };
}

/**
 * A copy of the log in a new database of the same server, row for row (positions, transaction
 * ids, hashes): what an attacker works on here, so every attack starts from the intact log.
 */
export async function copyOfLog(app: DigestsApp, name: string): Promise<string> {
  const url = await createDatabase(app.serverUrl, name);
  await migrateAll(url);
  const source = new pg.Client({ connectionString: app.databaseUrl });
  const target = new pg.Client({ connectionString: url });
  await source.connect();
  await target.connect();
  try {
    const { rows } = await source.query<{ rows: unknown }>(
      'SELECT json_agg(e) AS rows FROM event_store.events e',
    );
    // Every column but the generated schema_version, which PostgreSQL fills in.
    const columns = `global_position, transaction_id, event_id, stream_id, stream_revision, type, occurred_at,
      recorded_at, data, metadata, hash, prev_hash`;
    await target.query(
      `INSERT INTO event_store.events (${columns})
       SELECT ${columns} FROM json_populate_recordset(null::event_store.events, $1::json)`,
      [JSON.stringify(rows[0]!.rows)],
    );
  } finally {
    await source.end();
    await target.end();
  }
  return url;
}
