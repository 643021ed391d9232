// Builds the browser console (apps/console) with Vite into dist/console (or the folder given as the
// first argument: the browser tests build into their own). Everything the page loads is bundled —
// no CDN — so the console works offline and under a same-origin Content-Security-Policy.
import { build } from 'vite';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('../..', import.meta.url).pathname;

export async function buildConsole(outDir = join(root, 'dist', 'console')) {
  await build({
    root: join(root, 'apps', 'console'),
    base: '/console/',
    logLevel: process.env.BUILD_VERBOSE ? 'info' : 'warn',
    configFile: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: Boolean(process.env.BUILD_VERBOSE),
      chunkSizeWarningLimit: 200,
    },
  });
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildConsole(process.argv[2]);
