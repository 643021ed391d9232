// Kafka test files run in parallel jest workers on one broker. A file that takes the broker away
// for longer than the clients' retries (the 30 s outage, a restart) holds it exclusively; every
// other Kafka file holds it shared, so none of them sees an outage that is not its own test's.
// Files in a folder of the temp dir named after the broker's port: one per holder, named with its
// pid (a holder that died without releasing is ignored).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaBrokers } from './kafka.js';

const EXCLUSIVE = 'exclusive';

function lockDir(): string {
  const dir = join(
    tmpdir(),
    `caseledger-kafka-lock-${kafkaBrokers()
      .join('_')
      .replace(/[^a-zA-Z0-9_.-]/g, '-')}`,
  );
  mkdirSync(dir, { recursive: true });
  return dir;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Holders other than `self`, by file name, whose process still runs (`<kind>-<pid>-<n>`). */
function holders(dir: string, kind: string, self?: string): string[] {
  return readdirSync(dir).filter(
    (name) => name.startsWith(`${kind}-`) && name !== self && alive(Number(name.split('-')[1])),
  );
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 200));
let counter = 0;

/** Waits while a file holds the broker exclusively; resolves with the release function. */
export async function holdBrokerShared(): Promise<() => void> {
  const dir = lockDir();
  const name = `shared-${process.pid}-${counter++}`;
  for (;;) {
    writeFileSync(join(dir, name), '');
    if (holders(dir, EXCLUSIVE).length === 0) return () => rmSync(join(dir, name), { force: true });
    rmSync(join(dir, name), { force: true }); // let the exclusive holder go first
    await pause();
  }
}

/** Waits until no other file holds the broker, then holds it alone; resolves with the release function. */
export async function holdBrokerExclusive(): Promise<() => void> {
  const dir = lockDir();
  const name = `${EXCLUSIVE}-${process.pid}-${counter++}`;
  // One exclusive holder at a time: the earliest file name that is still alive wins.
  writeFileSync(join(dir, name), '');
  while (holders(dir, EXCLUSIVE, name).some((other) => other < name) || holders(dir, 'shared').length > 0)
    await pause();
  return () => rmSync(join(dir, name), { force: true });
}
