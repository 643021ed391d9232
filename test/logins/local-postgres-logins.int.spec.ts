import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { prepareDatabase, RuntimeLoginRefused } from '#runtime';
import { dbSetup } from '../../apps/cli/src/db/db-setup.js';
import { capturedIo } from '../audit/support/audit-app.js';
import { freshLocalDatabase, LOCAL_POSTGRES_URL, type FreshDatabase } from '../support/local-postgres.js';
import { appendsAndReads, attempt, eventCount, refusedStatements } from './runtime-refusals.js';

/**
 * An external PostgreSQL (the machine's 15): an owner login that is not a superuser, `db setup`
 * creating the runtime login, and the same refusals as on the embedded server. Role names are
 * cluster-wide and other test runs share this server, so every role here carries this run's id.
 */
const local = await freshLocalDatabase('cl_logins');
const describeLocal = local ? describe : describe.skip;

describeLocal('logins on the machine’s PostgreSQL 15 (DATABASE_URL, DATABASE_OWNER_URL, db setup)', () => {
  const id = randomBytes(4).toString('hex');
  const owner = `cl_owner_${id}`;
  const runtime = `cl_runtime_${id}`;
  const database = local as FreshDatabase;
  const name = new URL(database.url).pathname.slice(1);
  const ownerUrl = withUser(database.url, owner, 'owner-password-not-checked-by-trust');
  let runtimeUrl: string;
  let printed: string;

  const superuser = async (sql: string) => {
    const db = new pg.Client({ connectionString: LOCAL_POSTGRES_URL });
    await db.connect();
    try {
      await db.query(sql);
    } finally {
      await db.end();
    }
  };

  beforeAll(async () => {
    // The owner a DBA would hand over: may create roles and owns the database, nothing more.
    await superuser(`CREATE ROLE ${owner} LOGIN CREATEROLE NOSUPERUSER`);
    await superuser(`ALTER DATABASE ${name} OWNER TO ${owner}`);
    const io = capturedIo({ DATABASE_OWNER_URL: ownerUrl, DATABASE_RUNTIME_ROLE: runtime });
    expect(await dbSetup([], io)).toBe(0);
    printed = io.out();
    const password = /shown this once[^\n]*\n {2}(\S+)\n/.exec(printed)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    runtimeUrl = withUser(database.url, runtime, password!);
  }, 60_000);

  afterAll(async () => {
    await database.drop();
    await superuser(`DROP ROLE IF EXISTS ${runtime}`);
    await superuser(`DROP ROLE IF EXISTS ${owner}`);
  });

  it('db setup migrates, creates the runtime login and prints its password and DATABASE_URL once', async () => {
    expect(printed).toContain(`runtime login ${runtime}: created`);
    expect(printed).toContain(`DATABASE_URL for the API, projector and ingest:\n  ${runtimeUrl}\n`);
    expect(await appendsAndReads(runtimeUrl)).toBe(1);
  });

  it('db setup a second time changes nothing and prints no password', async () => {
    const io = capturedIo({ DATABASE_OWNER_URL: ownerUrl, DATABASE_RUNTIME_ROLE: runtime });
    expect([await dbSetup([], io), io.err()]).toEqual([0, '']);
    expect(io.out()).toBe(
      `migrations: up to date\nruntime login ${runtime}: already there, attributes and grants checked\n`,
    );
    expect(await appendsAndReads(runtimeUrl)).toBe(2); // the same password still opens it
  });

  it('db setup with DATABASE_RUNTIME_PASSWORD sets that password, and prints none', async () => {
    const password = 'a-password-from-the-secret-store';
    const io = capturedIo({
      DATABASE_OWNER_URL: ownerUrl,
      DATABASE_RUNTIME_ROLE: runtime,
      DATABASE_RUNTIME_PASSWORD: password,
    });
    expect(await dbSetup([], io)).toBe(0);
    expect(io.out()).not.toContain(password);
    runtimeUrl = withUser(database.url, runtime, password);
    expect(await appendsAndReads(runtimeUrl)).toBe(3);
  });

  it('db setup without DATABASE_OWNER_URL exits 2 naming it', async () => {
    const io = capturedIo({});
    expect(await dbSetup([], io)).toBe(2);
    expect(io.err()).toContain('DATABASE_OWNER_URL: required by db setup');
  });

  it.each(refusedStatements(owner, 'postgres'))('a runtime session may not %s', async (_, sql) => {
    const before = await eventCount(database.url);
    expect(await attempt(runtimeUrl, sql)).toMatchObject({ code: '42501' });
    expect(await eventCount(database.url)).toBe(before);
  });

  it('a process starts on the runtime login; on the owner or a superuser as DATABASE_URL it refuses, naming DATABASE_URL', async () => {
    const options = { variable: 'DATABASE_URL', allowPrivileged: false, warn: () => undefined };
    await expect(prepareDatabase({ url: runtimeUrl, ownerUrl }, options)).resolves.toBeUndefined();
    // The owner's connections are closed once it has migrated: none left open by this process.
    const db = new pg.Client({ connectionString: LOCAL_POSTGRES_URL });
    await db.connect();
    const open = await db.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1', [
      owner,
    ]);
    await db.end();
    expect(open.rows[0].n).toBe(0);
    await expect(prepareDatabase({ url: ownerUrl }, options)).rejects.toThrow(
      new RegExp(
        `^DATABASE_URL: the runtime login "${owner}" is the schemas' owner "${owner}" or a member of it, has CREATEROLE`,
      ),
    );
    await expect(prepareDatabase({ url: database.url }, options)).rejects.toBeInstanceOf(RuntimeLoginRefused);
    await expect(prepareDatabase({ url: database.url }, options)).rejects.toThrow(
      /^DATABASE_URL: the runtime login "postgres" is a superuser/,
    );
  });

  it('a login made a member of the owner is refused too', async () => {
    const member = `cl_member_${id}`;
    await superuser(`CREATE ROLE ${member} LOGIN IN ROLE ${owner}`);
    try {
      await expect(
        prepareDatabase(
          { url: withUser(database.url, member, 'x') },
          { variable: 'DATABASE_URL', allowPrivileged: false, warn: () => undefined },
        ),
      ).rejects.toThrow(
        new RegExp(
          `^DATABASE_URL: the runtime login "${member}" is the schemas' owner "${owner}" or a member of it;`,
        ),
      );
    } finally {
      await superuser(`DROP ROLE ${member}`);
    }
  });
});

function withUser(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}
