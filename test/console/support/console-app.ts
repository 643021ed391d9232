import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const root = new URL('../../..', import.meta.url).pathname;

export type ConsoleTestApp = TestApp;

/** Builds the console with the project's own build step, into a folder of this test run. */
async function buildConsole(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'caseledger-console-'));
  await promisify(execFile)(process.execPath, [join(root, 'infra/tools/build-console.mjs'), out], {
    cwd: root,
  });
  return out;
}

/** The whole system as `npm start` composes it (startTestApp), with the console at /console; `env` as an operator sets it. */
export async function startConsoleApp(env: Record<string, string> = {}): Promise<ConsoleTestApp> {
  const consoleDir = await buildConsole();
  const app = await startTestApp({ consoleDir, env: { REPORT_WAIT_MS: '3000', ...env } });
  return {
    ...app,
    stop: async () => {
      await app.stop();
      await rm(consoleDir, { recursive: true, force: true });
    },
  };
}
