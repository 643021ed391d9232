import type { Writable } from 'node:stream';

/** Where a command writes and what it reads from its environment; tests pass their own. */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
}

export const processIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** Exit codes: 0 done (and, for verify, every chain intact), 1 the audit found something, 2 could not run. */
export const EXIT = { ok: 0, found: 1, failed: 2 } as const;

export class UsageError extends Error {}
