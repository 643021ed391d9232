import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DOC = new URL('../../../docs/audit.md', import.meta.url);

/** The verifier exactly as docs/audit.md prints it: the page's only ```python block. */
export function writeDocumentedVerifier(dir: string): string {
  const blocks = [...readFileSync(DOC, 'utf8').matchAll(/```python\n([\s\S]*?)```/g)];
  if (blocks.length !== 1)
    throw new Error(`docs/audit.md must hold exactly one python block, found ${blocks.length}`);
  const script = join(dir, 'verify.py');
  writeFileSync(script, blocks[0]![1]!);
  return script;
}

/** Runs it as an auditor would; its verdict is the one line it prints (stdout for OK, stderr for BREAK). */
export function runPython(script: string, ...args: string[]): { status: number | null; verdict: string } {
  const run = spawnSync('python3', [script, ...args], { encoding: 'utf8', timeout: 30_000 });
  if (run.error) throw new Error(`python3 could not run (it is needed for this test): ${run.error.message}`);
  return { status: run.status, verdict: `${run.stdout}${run.stderr}`.trim() };
}
