import { CommandEnvironmentLoader } from '../shared/command-environment.js';
import { CommandRunner } from '../shared/command-runner.js';
import { StaffDirectory } from '../staff/staff-directory.js';
import { LiveWorkload } from '../workload/live-workload.js';
import { InMemoryEventStore } from './in-memory-event-store.js';

/** The one command runner, wired as the app wires it, on an in-memory log whose clock reads `now`. */
export function runnerInMemory(now: string): { store: InMemoryEventStore; runner: CommandRunner } {
  const store = new InMemoryEventStore();
  const log = store.asEventStore();
  const runner = new CommandRunner(
    log,
    new CommandEnvironmentLoader(log, { now: () => now }),
    new StaffDirectory(log),
    new LiveWorkload(log),
  );
  return { store, runner };
}

/**
 * How a test's own aggregate (a tally, a notebook) reads its events: as written. The domain's
 * registry refuses types it does not define, and these tests exercise the runner, not the domain.
 */
export const asWritten = { decode: <E>(event: E) => event as never };
