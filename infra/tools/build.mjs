// Transpiles apps/ and libs/ (not the specs) to dist/ with swc, keeping the folder layout so the
// package.json "imports" map (#domain, #event-store, …) resolves at run time. Type checking is
// `npm run typecheck`; this only has to be fast, because `npm start` runs it every time.
import { transformFile } from '@swc/core';
import { mkdir, readdir, writeFile, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const swcrc = JSON.parse(await readFile(join(root, '.swcrc'), 'utf8'));

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // apps/console is browser code: Vite builds it (below), not swc.
    if (entry.isDirectory() && path !== join(root, 'apps', 'console')) yield* sources(path);
    else if (entry.isDirectory()) continue;
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts'))
      yield path;
  }
}

let count = 0;
// `--bench` also builds the benchmarks and the test support they use.
const tops = process.argv.includes('--bench')
  ? ['apps', 'libs', 'test/bench', 'test/support']
  : ['apps', 'libs'];
for (const top of tops) {
  for await (const file of sources(join(root, top))) {
    const out = join(root, 'dist', relative(root, file)).replace(/\.ts$/, '.js');
    const { code, map } = await transformFile(file, {
      ...swcrc,
      swcrc: false,
      filename: file,
      sourceFileName: relative(dirname(out), file),
    });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${code}\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
    if (map) await writeFile(`${out}.map`, map);
    count++;
  }
}
if (process.env.BUILD_VERBOSE) console.log(`built ${count} files into dist/`);

// --- console (issue 22): the browser console, bundled by Vite into dist/console ---
if (!process.argv.includes('--bench')) {
  const { buildConsole } = await import('./build-console.mjs');
  await buildConsole();
}
