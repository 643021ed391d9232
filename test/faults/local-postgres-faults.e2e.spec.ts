// The fault on the machine's PostgreSQL 15 (DATABASE_URL, a database of this run's own):
// 8 clients file complaints while a superuser terminates every session of the database. The
// process stays up, nobody gets a 500, every acknowledged complaint is in the log, and commands
// succeed again within seconds. The recovery time is printed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureRuntimeLogin, migrateAll } from '#runtime';
import { freshLocalDatabase, LOCAL_POSTGRES_URL, type FreshDatabase } from '../support/local-postgres.js';
import { startStandalone, type RunningStandalone } from '../support/standalone-process.js';
import {
  fileComplaints,
  healthStatus,
  missingFromLog,
  recoveryMs,
  terminateSessions,
  until,
} from './support/complaint-load.js';

describe('npm start on PostgreSQL 15 rides through pg_terminate_backend', () => {
  let database: FreshDatabase | null;
  let dataDir: string;
  let app: RunningStandalone | undefined;
  // Role names are cluster-wide and other runs may share this server: one of this run's own.
  const runtimeRole = `caseledger_rt_${randomBytes(4).toString('hex')}`;
  const runtimePassword = randomBytes(18).toString('base64url');

  beforeAll(async () => {
    database = await freshLocalDatabase('caseledger_faults');
    dataDir = await mkdtemp(join(tmpdir(), 'caseledger-faults-pg15-'));
    if (database) {
      // As deployed (SPEC §7): the process runs on a runtime login, the superuser is only the owner.
      await migrateAll(database.url);
      await ensureRuntimeLogin(database.url, { role: runtimeRole, password: runtimePassword });
      const runtimeUrl = new URL(database.url);
      runtimeUrl.username = runtimeRole;
      runtimeUrl.password = runtimePassword;
      app = await startStandalone(dataDir, {
        DATABASE_URL: runtimeUrl.toString(),
        DATABASE_OWNER_URL: database.url,
        DB_CONNECT_TIMEOUT_MS: '2000',
        DB_STATEMENT_TIMEOUT_MS: '5000',
        RATE_LIMIT_PER_SECOND: '0', // eight writers on one token: about the database, not the rate
      });
    }
  }, 90_000);

  afterAll(async () => {
    if (app && app.child.exitCode === null) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    await database?.drop();
    if (database) {
      const superuser = new pg.Client({ connectionString: LOCAL_POSTGRES_URL });
      await superuser.connect();
      await superuser.query(`DROP ROLE IF EXISTS ${runtimeRole}`).finally(() => superuser.end());
    }
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('terminated sessions under load: no exit, no 500, nothing lost, back within 5 s', async () => {
    if (!database || !app) return; // skipped loudly by freshLocalDatabase (an error under CI=true)
    const name = new URL(database.url).pathname.slice(1);
    const load = fileComplaints(app.url, app.token);
    await until('100 complaints acknowledged', () => load.outcome.acknowledged.length >= 100);
    const terminated = await terminateSessions(database.url, name);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await terminateSessions(database.url, name);
    const againAt = Date.now();
    await until(
      '100 complaints acknowledged after the second termination',
      () => load.acknowledgedSince(againAt) >= 100,
      30_000,
    );
    const outcome = await load.stop();

    const recovery = recoveryMs(outcome, againAt);
    console.log(
      `pg_terminate_backend (PostgreSQL 15): ${terminated} sessions terminated; ${outcome.acknowledged.length} acknowledged, ` +
        `${outcome.answers.filter((a) => a.status === 503).length} answered 503; first acknowledged ${recovery} ms after the second termination`,
    );
    expect(terminated).toBeGreaterThan(0);
    expect(app.child.exitCode).toBeNull();
    expect(outcome.unexpected).toEqual([]);
    expect(await missingFromLog(database.url, outcome.acknowledged)).toEqual([]);
    expect(recovery).toBeLessThanOrEqual(5_000);
    expect(await healthStatus(app.url)).toBe(200);
  }, 60_000);
});
