import { chmodSync, mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '#config';
import {
  EMBEDDED_LOGINS_FILE,
  openDatabase,
  prepareDatabase,
  prepareProcessDatabase,
  RuntimeLoginRefused,
  type Database,
} from '#runtime';
import { startEmbeddedPostgres } from '#embedded-postgres';
import { auditVerify } from '../../apps/cli/src/audit/audit-verify.js';
import { capturedIo } from '../audit/support/audit-app.js';
import { appendsAndReads, attempt, eventCount, refusedStatements } from './runtime-refusals.js';

/**
 * `npm start`'s embedded PostgreSQL: before, every pool logged in as the superuser `postgres` with
 * the password "password" in cleartext, and could `SET ROLE postgres` and edit events. Now the
 * pools use a runtime login PostgreSQL itself keeps from changing the log.
 */
describe('embedded PostgreSQL logins (npm start)', () => {
  let dataDir: string;
  let database: Database;
  const warnings: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'caseledger-logins-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    database = await openDatabase(config);
    await prepareProcessDatabase(config, database, { warn: (m) => warnings.push(m) });
  }, 120_000);

  afterAll(async () => {
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps random passwords in DATA_DIR, readable by its owner only', () => {
    const file = join(dataDir, EMBEDDED_LOGINS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const logins = JSON.parse(readFileSync(file, 'utf8'));
    expect(logins.ownerPassword).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(logins.runtimePassword).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(logins.ownerPassword).not.toBe(logins.runtimePassword);
    expect(database.url).toContain(`caseledger_runtime:${logins.runtimePassword}@`);
  });

  it('asks every connection for scram-sha-256, and the old superuser password no longer opens it', async () => {
    const rules = readFileSync(join(dataDir, 'postgres', 'pg_hba.conf'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule).toMatch(/scram-sha-256\s*$/);
    const port = new URL(database.url).port;
    const old = new pg.Client({
      connectionString: `postgres://postgres:password@127.0.0.1:${port}/caseledger`,
    });
    await expect(old.connect()).rejects.toMatchObject({ code: '28P01' });
  });

  it('gives the pools a login that is neither superuser nor the owner, and still appends and reads', async () => {
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const { rows } = await db.query(
      `SELECT session_user AS login, rolsuper AS superuser FROM pg_roles WHERE rolname = session_user`,
    );
    await db.end();
    expect(rows[0]).toEqual({ login: 'caseledger_runtime', superuser: false });
    expect(await appendsAndReads(database.url)).toBe(1);
    expect(warnings).toEqual([]);
  });

  it.each(refusedStatements('postgres', 'postgres'))('a runtime session may not %s', async (_, sql) => {
    const before = await eventCount(database.ownerUrl!);
    expect(await attempt(database.url, sql)).toMatchObject({ code: '42501' });
    expect(await eventCount(database.ownerUrl!)).toBe(before);
  });

  it('refuses to start on the owner login as runtime login, naming where it came from; the opt-out only logs, loudly', async () => {
    const owner = { url: database.ownerUrl! };
    const refusal = prepareDatabase(owner, {
      variable: 'DATABASE_URL',
      allowPrivileged: false,
      warn: () => undefined,
    });
    await expect(refusal).rejects.toBeInstanceOf(RuntimeLoginRefused);
    await expect(refusal).rejects.toThrow(
      /^DATABASE_URL: the runtime login "postgres" is a superuser, is the schemas' owner "postgres"/,
    );
    const logged: string[] = [];
    await prepareDatabase(owner, {
      variable: 'DATABASE_URL',
      allowPrivileged: true,
      warn: (m) => logged.push(m),
    });
    expect(logged[0]).toMatch(
      /^DATABASE_ALLOW_PRIVILEGED_RUNTIME=true: runtime login "postgres" is a superuser\. THIS PROCESS CAN REWRITE THE LOG/,
    );
  });

  it('restarts on the same DATA_DIR with the same logins', async () => {
    const url = database.url;
    await database.stop();
    const config = loadConfig({ DATA_DIR: dataDir });
    database = await openDatabase(config);
    await prepareProcessDatabase(config, database, { warn: (m) => warnings.push(m) });
    expect(database.url.replace(/:\d+\//, ':P/')).toBe(url.replace(/:\d+\//, ':P/'));
    expect(await eventCount(database.url)).toBe(1);
  }, 60_000);
});

describe('a DATA_DIR from before the logins (superuser password "password", cleartext auth)', () => {
  it('is converted the first time it is opened, here by an operator command: new passwords, scram-sha-256, runtime login made', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'caseledger-legacy-'));
    chmodSync(dataDir, 0o755);
    try {
      const old = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), persistent: true });
      await old.stop();
      const io = capturedIo({ DATA_DIR: dataDir });
      expect(await auditVerify([], io)).toBe(0);
      expect(io.out()).toBe('OK: every chain intact (0 streams, 0 events)\n');
      expect(statSync(join(dataDir, EMBEDDED_LOGINS_FILE)).mode & 0o777).toBe(0o600);
      const rules = readFileSync(join(dataDir, 'postgres', 'pg_hba.conf'), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
      for (const rule of rules) expect(rule).toMatch(/scram-sha-256\s*$/);
      const again = await openDatabase(loadConfig({ DATA_DIR: dataDir }));
      try {
        const port = new URL(again.url).port;
        const legacy = new pg.Client({
          connectionString: `postgres://postgres:password@127.0.0.1:${port}/caseledger`,
        });
        await expect(legacy.connect()).rejects.toMatchObject({ code: '28P01' });
        expect(await eventCount(again.url)).toBe(0); // the runtime login the command made opens it
      } finally {
        await again.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
