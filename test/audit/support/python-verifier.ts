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

/** The ```bash block of docs/audit.md that checks a digest's signature with openssl, as printed. */
export function documentedOpensslCheck(): string {
  const blocks = [...readFileSync(DOC, 'utf8').matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const found = blocks.filter((b) => b.includes('openssl pkeyutl -verify'));
  if (found.length !== 1)
    throw new Error(
      `docs/audit.md must hold exactly one bash block with openssl pkeyutl, found ${found.length}`,
    );
  return found[0]!;
}

/** Runs the documented openssl check in `dir`, where verify.py, digests.json and public-keys.json lie. */
export function runOpensslCheck(dir: string): { status: number | null; output: string } {
  const run = spawnSync('bash', ['-c', documentedOpensslCheck()], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (run.error) throw new Error(`bash could not run: ${run.error.message}`);
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

/** Calls `function` of the documented script (imported as a module, so its main part does not run) on each JSON value. */
export function callDocumentedFunction(script: string, name: 'number' | 'jcs', values: unknown[]): string[] {
  const program = [
    'import importlib.util, json, sys',
    `spec = importlib.util.spec_from_file_location('verify', ${JSON.stringify(script)})`,
    'verify = importlib.util.module_from_spec(spec); spec.loader.exec_module(verify)',
    `print(json.dumps([verify.${name}(v) for v in json.loads(sys.stdin.read())]))`,
  ].join('\n');
  const run = spawnSync('python3', ['-c', program], {
    input: JSON.stringify(values),
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[];
}
