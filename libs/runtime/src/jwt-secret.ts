import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CaseledgerConfig } from '#config';

/** AUTH_JWT_SECRET, or one made on first start and kept in DATA_DIR (readable by its owner only). */
export async function jwtSecret(config: CaseledgerConfig): Promise<{ secret: string; source: 'environment' | 'created' | 'data-dir' }> {
  if (config.jwtSecret) return { secret: config.jwtSecret, source: 'environment' };
  const file = join(resolve(config.dataDir), 'jwt-secret');
  try {
    const secret = (await readFile(file, 'utf8')).trim();
    if (secret.length >= 16) return { secret, source: 'data-dir' };
  } catch {
    // not there yet
  }
  await mkdir(resolve(config.dataDir), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return { secret, source: 'created' };
}
