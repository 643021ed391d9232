// `npm run cli -- projections rebuild [name]` (and `projections status`). Works on DATABASE_URL, or
// on the embedded database of `npm start` in DATA_DIR (running or not).
import { loadConfig } from '#config';
import { migrateEventStore, PostgresEventStore } from '#event-store';
import { migrateReadModels } from '#projections';
import { openOperatorDatabase } from '#runtime';
import { PROJECTIONS_USAGE, runProjectionsCommand } from './projections-command.js';

const [group, ...args] = process.argv.slice(2);
if (group !== 'projections') {
  process.stderr.write(`${PROJECTIONS_USAGE}\n`);
  process.exit(2);
}
const config = loadConfig();
const database = await openOperatorDatabase(config);
let code = 1;
try {
  // A rebuild replaces tables: the owner's work (DATABASE_OWNER_URL, or the embedded superuser).
  const url = database.ownerUrl ?? database.url;
  await migrateEventStore(url);
  await migrateReadModels(url);
  const store = new PostgresEventStore({ connection: { connectionString: url }, poolSize: 3 });
  try {
    code = await runProjectionsCommand(args, {
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
} finally {
  await database.stop();
}
process.exit(code);
