import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '#embedded-postgres';

/**
 * A throw-away PostgreSQL server for one test file (one jest worker): its own temp directory and
 * port, so files running in parallel never share a server. Durability is off — a crash loses
 * nothing a test needs — which makes commits cost what the logic costs, not what the disk does.
 */
export async function startTestPostgres(): Promise<RunningPostgres> {
  const dataDir = await mkdtemp(join(tmpdir(), 'caseledger-pg-'));
  return startEmbeddedPostgres({
    dataDir,
    persistent: false,
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  });
}
