// `npm run cli -- projections rebuild [name]` (and `projections status`). Works on DATABASE_URL, or
// on the embedded database of `npm start` in DATA_DIR (running or not).
import { loadConfig } from '#config';
import { migrateEventStore, PostgresEventStore } from '#event-store';
import { migrateReadModels } from '#projections';
import { openOperatorDatabase } from '#runtime';
import { runProjectionsCommand } from './projections-command.js';

/** Opens the operator's database, runs the command as the tables' owner, answers the exit code. */
export async function projectionsCli(args: string[]): Promise<number> {
  const config = loadConfig();
  const database = await openOperatorDatabase(config);
  try {
    // A rebuild replaces tables: the owner's work (DATABASE_OWNER_URL, or the embedded superuser).
    const url = database.ownerUrl ?? database.url;
    await migrateEventStore(url);
    await migrateReadModels(url);
    const store = new PostgresEventStore({ connection: { connectionString: url }, poolSize: 3 });
    try {
      return await runProjectionsCommand(args, {
        databaseUrl: url,
        store,
        out: process.stdout,
        err: process.stderr,
      });
    } finally {
      await store.close();
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await database.stop();
  }
}
