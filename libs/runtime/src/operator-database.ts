import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CaseledgerConfig } from '#config';
import { openDatabase, type Database } from './database.js';
import { migrateAll } from './logins/migrate-all.js';
import { ensureRuntimeLogin } from './logins/runtime-login.js';
import { EMBEDDED_OWNER, EMBEDDED_RUNTIME, loginUrl, readEmbeddedLogins } from './logins/embedded-logins.js';

/**
 * The database an operator command (`npm run cli -- …`) works on, as `npm start` would find it:
 * DATABASE_URL; else the embedded server of DATA_DIR while `npm start` runs it — joined on the port
 * its postmaster.pid names, since a second server cannot start on the same directory — else that
 * server started for the command's time.
 */
export async function openOperatorDatabase(config: CaseledgerConfig): Promise<Database> {
  if (config.databaseUrl)
    return {
      url: config.databaseUrl,
      ownerUrl: config.databaseOwnerUrl,
      embedded: false,
      stop: async () => undefined,
    };
  const port = await runningEmbeddedPort(resolve(config.dataDir, 'postgres'));
  if (port !== undefined) {
    const logins = await readEmbeddedLogins(config.dataDir);
    // A server started without `npm start`'s logins (tests, directories from before) keeps the
    // superuser password it was initialised with.
    if (!logins)
      return {
        url: loginUrl(port, EMBEDDED_OWNER, 'password', 'caseledger'),
        embedded: false,
        stop: async () => undefined,
      };
    return {
      url: loginUrl(port, EMBEDDED_RUNTIME, logins.runtimePassword, 'caseledger'),
      ownerUrl: loginUrl(port, EMBEDDED_OWNER, logins.ownerPassword, 'caseledger'),
      embedded: false,
      stop: async () => undefined,
    };
  }
  const started = await openDatabase(config);
  // The command may be the first thing run on this DATA_DIR since logins existed: make sure the
  // runtime login it connects as is there, as `npm start` would.
  if (started.ownerUrl && started.runtimeLogin) {
    await migrateAll(started.ownerUrl);
    await ensureRuntimeLogin(started.ownerUrl, started.runtimeLogin);
  }
  return started;
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
