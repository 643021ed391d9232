import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '#config';
import { openDatabase } from '#runtime';

export interface AuditDatabase {
  url: string;
  close(): Promise<void>;
}

/**
 * The database of the log, as `npm start` would find it: `DATABASE_URL`, else the embedded
 * PostgreSQL of `DATA_DIR`. When that server is already running (`npm start` owns it) it is joined
 * on the port its postmaster.pid names — starting a second server on the same directory is
 * impossible — with the embedded server's fixed superuser password (libs/runtime sets none).
 * Otherwise it is started for the command and stopped after.
 */
export async function openAuditDatabase(env: NodeJS.ProcessEnv): Promise<AuditDatabase> {
  const config = loadConfig(env);
  if (config.eventStore === 'eventstoredb') {
    throw new Error(
      'The audit commands read the PostgreSQL log; an EventStoreDB log needs its own AuditLog reader',
    );
  }
  if (config.databaseUrl) return { url: config.databaseUrl, close: async () => undefined };
  const port = await runningEmbeddedPort(resolve(config.dataDir, 'postgres'));
  if (port !== undefined)
    return { url: `postgres://postgres:password@127.0.0.1:${port}/caseledger`, close: async () => undefined };
  const database = await openDatabase(config);
  return { url: database.url, close: () => database.stop() };
}

/** postmaster.pid: line 1 the server's pid, line 4 its port. */
async function runningEmbeddedPort(dataDir: string): Promise<number | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 && Number.isInteger(port) && isAlive(pid) ? port : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
