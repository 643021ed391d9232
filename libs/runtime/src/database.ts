import { chmod, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CaseledgerConfig } from '#config';
import { createDatabase } from '#event-store';
import { superviseEmbeddedPostgres } from './embedded-supervisor.js';
import { stopOrphanedPostgres } from './orphaned-postgres.js';

export interface Database {
  /** Where the application connects. */
  url: string;
  /** true when this process runs the server itself (embedded). */
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * `DATABASE_URL` when given; otherwise an embedded PostgreSQL kept in `DATA_DIR/postgres`, on a free
 * port of its own, so several instances with different DATA_DIRs run side by side.
 */
export async function openDatabase(config: CaseledgerConfig): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const dataDir = resolve(config.dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` OS user, who must be able to reach its directory.
  if (process.getuid?.() === 0) await chmod(resolve(config.dataDir), 0o755);
  await stopOrphanedPostgres(dataDir);
  const server = await superviseEmbeddedPostgres({ dataDir, persistent: true }); // restarted if it exits (issue 23)
  const url = await createDatabase(server.url, 'caseledger');
  return { url, embedded: true, stop: () => server.stop() };
}
