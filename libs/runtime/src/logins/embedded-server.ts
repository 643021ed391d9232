import { createDatabase } from '#embedded-postgres';
import { superviseEmbeddedPostgres } from '../embedded-supervisor.js';
import { EMBEDDED_RUNTIME, embeddedLogins, loginUrl, secureLegacyCluster } from './embedded-logins.js';

export interface EmbeddedServer {
  /** The runtime login's URL: what every pool of the process uses. */
  url: string;
  /** The superuser's URL: migrations and role setup only, never a pool. */
  ownerUrl: string;
  runtimeLogin: { role: string; password: string };
  stop(): Promise<void>;
}

/**
 * The embedded PostgreSQL of DATA_DIR with its two logins: random passwords made on first start
 * (DATA_DIR/postgres-logins.json, mode 0600), scram-sha-256 in pg_hba.conf, nothing in cleartext on
 * the wire. A directory from before gets the same treatment on its next start.
 */
export async function startEmbeddedServer(dataDir: string, pgDataDir: string): Promise<EmbeddedServer> {
  const { logins } = await embeddedLogins(dataDir);
  // Restarted on the same port and logins if it exits without being asked (issue 23).
  const server = await superviseEmbeddedPostgres({
    dataDir: pgDataDir,
    persistent: true,
    password: logins.ownerPassword,
    authMethod: 'scram-sha-256',
  });
  try {
    await secureLegacyCluster(pgDataDir, server.port, logins);
    const ownerUrl = await createDatabase(server.url, 'caseledger');
    return {
      url: loginUrl(server.port, EMBEDDED_RUNTIME, logins.runtimePassword, 'caseledger'),
      ownerUrl,
      runtimeLogin: { role: EMBEDDED_RUNTIME, password: logins.runtimePassword },
      stop: () => server.stop(),
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
