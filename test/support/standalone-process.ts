import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JwtVerifier } from '../../apps/api/src/auth/jwt-verifier.js';

export interface RunningStandalone {
  child: ChildProcess;
  url: string;
  token: string;
  output(): string;
  /** Resolves with the exit code and signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The package root (where package.json is), whether this file runs from test/ or from dist/test/ (benchmarks). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

/**
 * Runs `npm start`'s entry (dist/apps/standalone/src/main.js, built once by jest's globalSetup)
 * as a child process on its own DATA_DIR and a free port, and waits
 * for its ready line.
 */
export async function startStandalone(
  dataDir: string,
  env: Record<string, string> = {},
  timeoutMs = 60_000,
  nodeFlags: string[] = [],
  args: string[] = [],
): Promise<RunningStandalone> {
  const child = spawn(process.execPath, [...nodeFlags, 'dist/apps/standalone/src/main.js', ...args], {
    cwd: packageRoot(),
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  const started = Date.now();
  while (!/Caseledger ready (\S+)/.test(output)) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`standalone exited before ready:\n${output}`);
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`standalone not ready after ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = /Caseledger ready (\S+)/.exec(output)![1];
  // Printed only when the process made the secret; with AUTH_JWT_SECRET the caller signs its own.
  const printed = /export TOKEN=(\S+)/.exec(output)?.[1];
  const token =
    printed ??
    (env.AUTH_JWT_SECRET
      ? await new JwtVerifier(env.AUTH_JWT_SECRET).sign('admin', ['admin'], '8h')
      : undefined);
  if (!token) throw new Error(`standalone printed no token and no AUTH_JWT_SECRET was given:\n${output}`);
  return { child, url, token, output: () => output, exited };
}
