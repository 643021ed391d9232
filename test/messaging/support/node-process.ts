import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The processes under test run from dist/ as in production, built once by jest's globalSetup.
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface NodeProcess {
  readonly child: ChildProcess;
  /** Everything it wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Resolves with the first output line matching `pattern` (also one written before the call). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves when the process has exited, with its code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node <script>` from the repository root with `env` on top of this process's environment. */
export function startNodeProcess(script: string, env: Record<string, string>): NodeProcess {
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => text,
    exited,
    waitForLine: (pattern, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const line = text.split('\n').find((l) => pattern.test(l));
          if (line === undefined) return;
          done();
          resolve(line);
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${text.slice(-3000)}`),
          );
        }, timeoutMs);
        const gone = () => {
          done();
          reject(
            new Error(
              `process exited before writing a line matching ${pattern}; output:\n${text.slice(-3000)}`,
            ),
          );
        };
        function done() {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', gone);
        }
        listeners.add(check);
        child.once('exit', gone);
        check();
      }),
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
