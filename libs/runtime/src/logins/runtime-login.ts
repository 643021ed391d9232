import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { APPLICATION_PRIVILEGES_ROLE, plainRoleName } from './role-name.js';

/** The runtime login's attributes: it may log in and inherit caseledger_app's rows, nothing else. */
const WANTED: Record<string, boolean> = {
  LOGIN: true,
  SUPERUSER: false,
  CREATEDB: false,
  CREATEROLE: false,
  REPLICATION: false,
  BYPASSRLS: false,
  INHERIT: true,
};

export interface RuntimeLoginResult {
  role: string;
  /** The password now set: the one given, or one generated here (only when the role was created). */
  password: string | undefined;
  created: boolean;
  generated: boolean;
}

/**
 * Creates (or brings back in line) the login the running processes use. It may log in and nothing
 * more: no superuser, no CREATEROLE (which could grant itself the owner), no CREATEDB, no
 * replication, no row-security bypass. Its only privileges come through membership of
 * caseledger_app, which the migrations grant SELECT/INSERT on the log and the rows of the read
 * models — never UPDATE/DELETE/TRUNCATE of events, never ownership, so never DISABLE TRIGGER.
 * Run as the owner, after the migrations (caseledger_app exists by then). A second run changes
 * nothing but the password, when one is given.
 */
export async function ensureRuntimeLogin(
  ownerUrl: string,
  options: { role: string; password?: string },
): Promise<RuntimeLoginResult> {
  const role = plainRoleName(options.role, 'DATABASE_RUNTIME_ROLE');
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, boolean>>(
      `SELECT rolcanlogin AS "LOGIN", rolsuper AS "SUPERUSER", rolcreatedb AS "CREATEDB", rolcreaterole AS "CREATEROLE",
              rolreplication AS "REPLICATION", rolbypassrls AS "BYPASSRLS", rolinherit AS "INHERIT"
       FROM pg_roles WHERE rolname = $1`,
      [role],
    );
    const created = rows.length === 0;
    const generated = created && options.password === undefined;
    const password = options.password ?? (created ? randomBytes(24).toString('base64url') : undefined);
    const withPassword = password === undefined ? '' : ` PASSWORD ${client.escapeLiteral(password)}`;
    if (created) {
      await client.query(
        `CREATE ROLE ${role} ${Object.entries(WANTED)
          .map(([name, on]) => (on ? name : `NO${name}`))
          .join(' ')}${withPassword}`,
      );
    } else {
      // Only what differs: PostgreSQL 15 lets a CREATEROLE owner change none of SUPERUSER,
      // REPLICATION or BYPASSRLS, not even to restate them.
      const changes = Object.entries(WANTED)
        .filter(([name, on]) => rows[0]![name] !== on)
        .map(([name, on]) => (on ? name : `NO${name}`));
      if (changes.length > 0 || password !== undefined)
        await client.query(`ALTER ROLE ${role} ${changes.join(' ')}${withPassword}`);
    }
    await client.query(`GRANT ${APPLICATION_PRIVILEGES_ROLE} TO ${role}`);
    const { rows: db } = await client.query<{ name: string }>('SELECT current_database() AS name');
    await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(db[0]!.name)} TO ${role}`);
    return { role, password, created, generated };
  } finally {
    await client.end();
  }
}
