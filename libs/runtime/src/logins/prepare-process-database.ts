import type { CaseledgerConfig } from '#config';
import type { Database } from '../database.js';
import { EMBEDDED_LOGINS_FILE } from './embedded-logins.js';
import { prepareDatabase } from './prepare-database.js';

/** prepareDatabase as every process (standalone, projector, ingest) calls it, from its configuration. */
export async function prepareProcessDatabase(
  config: CaseledgerConfig,
  database: Pick<Database, 'url' | 'ownerUrl' | 'runtimeLogin' | 'embedded'>,
  logger: { warn(message: string): void },
): Promise<void> {
  await prepareDatabase(database, {
    variable: database.embedded
      ? `the embedded runtime login of ${config.dataDir}/${EMBEDDED_LOGINS_FILE}`
      : 'DATABASE_URL',
    allowPrivileged: config.allowPrivilegedRuntime,
    warn: (message) => logger.warn(message),
  });
}
