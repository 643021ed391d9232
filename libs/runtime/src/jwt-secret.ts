import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CaseledgerConfig } from '#config';

export type JwtSecretSource = 'environment' | 'created' | 'data-dir';

/** AUTH_JWT_SECRET, or one made on first start and kept in DATA_DIR (readable by its owner only). */
export async function jwtSecret(
  config: CaseledgerConfig,
): Promise<{ secret: string; source: JwtSecretSource }> {
  const known = await existingJwtSecret(config);
  if (known) return known;
  await mkdir(resolve(config.dataDir), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(secretFile(config), `${secret}\n`, { mode: 0o600 });
  return { secret, source: 'created' };
}

/** The deployment's secret without making one: AUTH_JWT_SECRET, else DATA_DIR's, else undefined. */
export async function existingJwtSecret(
  config: CaseledgerConfig,
): Promise<{ secret: string; source: JwtSecretSource } | undefined> {
  if (config.jwtSecret) return { secret: config.jwtSecret, source: 'environment' };
  try {
    const secret = (await readFile(secretFile(config), 'utf8')).trim();
    if (secret.length >= 16) return { secret, source: 'data-dir' };
  } catch {
    // not there yet
  }
  return undefined;
}

const secretFile = (config: CaseledgerConfig) => join(resolve(config.dataDir), 'jwt-secret');
