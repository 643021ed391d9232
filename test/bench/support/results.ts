import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** The machine a figure was measured on: without it a figure means nothing. */
export function machine(extra: Record<string, unknown> = {}) {
  return {
    date: new Date().toISOString(),
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    ...extra,
  };
}

/** Writes a benchmark's figures to bench-results/<name>-<date>.json (git-ignored). */
export async function saveResults(name: string, results: unknown): Promise<string> {
  // npm scripts run at the package root.
  const dir = join(process.cwd(), 'bench-results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
