import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CaseledgerConfig } from '#config';
import { openDatabase, type Database } from '#runtime';

/**
 * The database the CLI works on: DATABASE_URL; else the embedded server of `npm start` in DATA_DIR
 * while it runs (its port is in postmaster.pid); else that server started for the command's time.
 */
export async function cliDatabase(config: CaseledgerConfig): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const port = await runningEmbeddedPort(resolve(config.dataDir, 'postgres'));
  if (port !== undefined)
    return {
      url: `postgres://postgres:password@127.0.0.1:${port}/caseledger`,
      embedded: false,
      stop: async () => undefined,
    };
  return openDatabase(config);
}

/** postmaster.pid: line 1 the pid, line 4 the port. */
async function runningEmbeddedPort(dataDir: string): Promise<number | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  return Number.isInteger(port) ? port : undefined;
}
