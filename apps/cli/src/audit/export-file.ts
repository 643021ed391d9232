import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, lstat, open, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { UsageError } from './cli-io.js';

/**
 * Where `audit export --out FILE` writes: an audit trail is evidence, so the file is readable by its
 * owner only (0600), an existing path — a file, or a symlink pointing anywhere — is never written
 * through or replaced, and a failed export never deletes what the path named. The events go to a
 * fresh file beside it (created exclusively, never following a link); once complete it is linked
 * under FILE, which fails if FILE appeared meanwhile, and the temporary name is removed.
 */
export async function refuseExisting(file: string): Promise<void> {
  const existing = await lstat(file).catch(() => undefined);
  if (existing)
    throw new UsageError(
      `--out ${file} already exists; the export never overwrites (remove it or choose another name)`,
    );
}

export async function writeExportFile<T>(file: string, write: (stream: Writable) => Promise<T>): Promise<T> {
  await refuseExisting(file);
  const partial = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.partial`);
  const handle = await open(
    partial,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o600,
  );
  try {
    // The stream closes the handle once everything is written.
    const answer = await write(handle.createWriteStream());
    await link(partial, file);
    return answer;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw (error as NodeJS.ErrnoException).code === 'EEXIST'
      ? new UsageError(`--out ${file} appeared during the export; not replaced`)
      : error;
  } finally {
    await unlink(partial).catch(() => undefined);
  }
}
