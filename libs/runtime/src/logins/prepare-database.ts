import { ensureRuntimeLogin } from './runtime-login.js';
import { checkRuntimeLogin } from './runtime-login-check.js';
import { migrateAll } from './migrate-all.js';

export interface PreparableDatabase {
  url: string;
  ownerUrl?: string;
  /** Embedded only: the runtime login to (re)create as the owner at every start. */
  runtimeLogin?: { role: string; password: string };
}

export interface PrepareOptions {
  /** Where `url` came from, named in a refusal: DATABASE_URL, or the embedded server's file. */
  variable: string;
  /** DATABASE_ALLOW_PRIVILEGED_RUNTIME: a powerful runtime login is logged, not refused. */
  allowPrivileged: boolean;
  warn(message: string): void;
}

/**
 * At every process start: with an owner login, migrate (and on the embedded server make its
 * runtime login) and let the owner's connections go; then check the runtime login and refuse to
 * go on with one that could rewrite the log.
 */
export async function prepareDatabase(database: PreparableDatabase, options: PrepareOptions): Promise<void> {
  if (database.ownerUrl) {
    await migrateAll(database.ownerUrl);
    if (database.runtimeLogin) await ensureRuntimeLogin(database.ownerUrl, database.runtimeLogin);
  }
  const problems = await checkRuntimeLogin(database.url, options.variable, options.allowPrivileged);
  for (const problem of problems) {
    options.warn(
      `DATABASE_ALLOW_PRIVILEGED_RUNTIME=true: ${problem}. THIS PROCESS CAN REWRITE THE LOG; never run it like this outside a local experiment.`,
    );
  }
}
