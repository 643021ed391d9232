import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Reads `.env` from the working directory (or the file ENV_FILE names) into process.env, once at
 * start, before the configuration is loaded. A variable set in the environment wins over the file's
 * (Node's loadEnvFile never overwrites). No file, nothing read; a named file that is missing stops
 * the start, since the operator meant it.
 */
export function readEnvFile(): string | undefined {
  const named = process.env.ENV_FILE;
  const path = resolve(named ?? '.env');
  if (!existsSync(path)) {
    if (named) throw new Error(`ENV_FILE names ${path}, which does not exist`);
    return undefined;
  }
  process.loadEnvFile(path);
  return path;
}
