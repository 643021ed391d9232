import { ConfigurationError, loadConfig } from '#config';
import { checkRuntimeLogin, ensureRuntimeLogin, migrateAll, RuntimeLoginRefused } from '#runtime';
import { EXIT, processIo, type CliIo } from '../audit/cli-io.js';

export const DB_SETUP_USAGE = `Usage: npm run cli -- db setup
With DATABASE_OWNER_URL (the login that owns the schemas): runs every migration, then creates the
runtime login DATABASE_RUNTIME_ROLE (default caseledger_runtime) that the API, projector and ingest
use as DATABASE_URL. Its password: DATABASE_RUNTIME_PASSWORD, or generated and printed once.
Running it again changes nothing (but the password, when DATABASE_RUNTIME_PASSWORD is given).
Exit code: 0 done, 2 could not run.`;

/** `db setup`: the owner's one-off work on an external PostgreSQL (SPEC §7, §8). */
export async function dbSetup(argv: string[], io: CliIo = processIo()): Promise<number> {
  if (argv.length > 0) {
    io.stderr.write(`unexpected arguments: ${argv.join(' ')}\n${DB_SETUP_USAGE}\n`);
    return EXIT.failed;
  }
  try {
    const config = loadConfig(io.env);
    const ownerUrl = config.databaseOwnerUrl;
    if (!ownerUrl)
      throw new ConfigurationError(
        'DATABASE_OWNER_URL: required by db setup (the login that owns the schemas)',
      );
    await migrateAll(ownerUrl);
    io.stdout.write('migrations: up to date\n');
    const login = await ensureRuntimeLogin(ownerUrl, {
      role: config.databaseRuntimeRole,
      password: config.databaseRuntimePassword,
    });
    io.stdout.write(
      `runtime login ${login.role}: ${login.created ? 'created' : 'already there, attributes and grants checked'}\n`,
    );
    if (login.password !== undefined) {
      const runtimeUrl = new URL(ownerUrl);
      runtimeUrl.username = login.role;
      runtimeUrl.password = login.password;
      // The login may not be usable from here (pg_hba.conf), so a failed check only warns.
      await checkRuntimeLogin(runtimeUrl.toString(), 'the runtime login').catch((error: Error) => {
        if (error instanceof RuntimeLoginRefused) throw error;
        io.stderr.write(`could not log in as ${login.role} to check it: ${error.message}\n`);
      });
      if (login.generated) {
        io.stdout.write(
          `\nIts password, shown this once (keep it in your secret store):\n  ${login.password}\n`,
        );
        io.stdout.write(`DATABASE_URL for the API, projector and ingest:\n  ${runtimeUrl.toString()}\n`);
      }
    }
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(`db setup: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
}
