// jest globalSetup: builds dist/ ONCE, before any test file runs. Files that start the product as a
// process (npm start's entry, ingest, publisher, the API bench) run it from dist/ as production does;
// rebuilding dist/ in place from a file's beforeAll would rewrite it under the feet of processes that
// another worker is starting at that moment.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildDistOnce() {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['infra/tools/build.mjs'], {
    cwd: root,
    stdio: 'inherit',
    timeout: 120_000,
  });
  // Jest shows no output of a skipped file, so the one contract that cannot run here says so once,
  // in the run's own output (README, Tests: the EventStoreDB adapter is type-checked only).
  if (!process.env.EVENTSTOREDB_URL) {
    process.stdout.write(
      '\n!!! SKIPPING the event store contract on EventStoreDB: EVENTSTOREDB_URL is not set (no EventStoreDB\n' +
        '!!! can run on this machine). Its adapter is only type-checked in this run.\n\n',
    );
  }
}
