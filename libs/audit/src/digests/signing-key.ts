import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SigningJwk } from './digest.js';

/** Where a key is generated on first start when AUDIT_SIGNING_KEY_FILE is not given (SPEC §7.1). */
export const GENERATED_KEY_FILE = 'audit-signing-key.pem';

export interface SigningKey {
  privateKey: KeyObject;
  keyId: string;
  jwk: SigningJwk;
  /** Where it was read from or written to. */
  file: string;
}

/** keyId: the first 16 hex characters of SHA-256 of the raw 32-byte public key. */
export function signingKeyFrom(privateKey: KeyObject, file: string): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`${file}: not an Ed25519 key (${privateKey.asymmetricKeyType})`);
  const x = createPublicKey(privateKey).export({ format: 'jwk' }).x!;
  const keyId = createHash('sha256').update(Buffer.from(x, 'base64url')).digest('hex').slice(0, 16);
  return {
    privateKey,
    keyId,
    file,
    jwk: { kty: 'OKP', crv: 'Ed25519', x, kid: keyId, alg: 'EdDSA', use: 'sig' },
  };
}

/**
 * AUDIT_SIGNING_KEY_FILE (PKCS#8 PEM) when given; otherwise DATA_DIR/audit-signing-key.pem, made
 * on first start with mode 0600. Rotating is giving another file: earlier keys stay listed, since
 * the issuer records every key it signs with.
 */
export async function loadSigningKey(options: { keyFile?: string; dataDir: string }): Promise<SigningKey> {
  if (options.keyFile)
    return signingKeyFrom(createPrivateKey(await readFile(options.keyFile, 'utf8')), options.keyFile);
  const file = join(resolve(options.dataDir), GENERATED_KEY_FILE);
  try {
    return signingKeyFrom(createPrivateKey(await readFile(file, 'utf8')), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  await mkdir(resolve(options.dataDir), { recursive: true });
  await writeFile(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  return signingKeyFrom(privateKey, file);
}
