import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';

/** Where `npm start` keeps the embedded server's logins (mode 0600; README "Database logins"). */
export const EMBEDDED_LOGINS_FILE = 'postgres-logins.json';

/** The embedded cluster's superuser owns the schemas; it is the owner login there. */
export const EMBEDDED_OWNER = 'postgres';
/** The embedded cluster is ours alone, so its runtime login always has the default name. */
export const EMBEDDED_RUNTIME = 'caseledger_runtime';

/** The password data directories made before logins existed were initialised with. */
const LEGACY_PASSWORD = 'password';

export interface EmbeddedLogins {
  ownerPassword: string;
  runtimePassword: string;
}

const newPassword = () => randomBytes(24).toString('base64url');

/** The logins of DATA_DIR's embedded server: read from the file, or made now and written at mode 0600. */
export async function embeddedLogins(dataDir: string): Promise<{ logins: EmbeddedLogins; created: boolean }> {
  const file = join(resolve(dataDir), EMBEDDED_LOGINS_FILE);
  const known = await readEmbeddedLogins(dataDir);
  if (known) return { logins: known, created: false };
  const logins = { ownerPassword: newPassword(), runtimePassword: newPassword() };
  await writeFile(file, `${JSON.stringify(logins, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return { logins, created: true };
}

export async function readEmbeddedLogins(dataDir: string): Promise<EmbeddedLogins | undefined> {
  try {
    const parsed = JSON.parse(
      await readFile(join(resolve(dataDir), EMBEDDED_LOGINS_FILE), 'utf8'),
    ) as Partial<EmbeddedLogins>;
    if (typeof parsed.ownerPassword === 'string' && typeof parsed.runtimePassword === 'string')
      return parsed as EmbeddedLogins;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return undefined;
}

export const loginUrl = (port: number, user: string, password: string, database: string) =>
  `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

/**
 * A data directory initialised before logins existed still has the superuser password "password"
 * and cleartext `password` lines in pg_hba.conf. Its superuser gets the new password and every
 * line becomes scram-sha-256 (reloaded at once); a directory already secured is left as it is.
 */
export async function secureLegacyCluster(
  pgDataDir: string,
  port: number,
  logins: EmbeddedLogins,
): Promise<boolean> {
  const client = new pg.Client({
    connectionString: loginUrl(port, EMBEDDED_OWNER, LEGACY_PASSWORD, 'postgres'),
  });
  try {
    await client.connect();
  } catch {
    return false; // not the old password: already secured
  }
  try {
    await client.query(`SET password_encryption = 'scram-sha-256'`);
    await client.query(`ALTER ROLE ${EMBEDDED_OWNER} PASSWORD ${client.escapeLiteral(logins.ownerPassword)}`);
    const hbaFile = join(pgDataDir, 'pg_hba.conf');
    const hba = await readFile(hbaFile, 'utf8');
    await writeFile(hbaFile, scramOnly(hba));
    await client.query('SELECT pg_reload_conf()');
    return true;
  } finally {
    await client.end();
  }
}

/** Every authentication method of pg_hba.conf (comments aside) made scram-sha-256. */
export function scramOnly(hba: string): string {
  return hba
    .split('\n')
    .map((line) =>
      line.trim().startsWith('#') ? line : line.replace(/\b(trust|password|md5)\s*$/, 'scram-sha-256'),
    )
    .join('\n');
}
