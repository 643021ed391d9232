import type { ClientConfig } from 'pg';
import type { CaseledgerConfig } from '#config';
import { withTimeouts } from '#event-store';

/** Where a pool of this process connects, with DB_CONNECT_TIMEOUT_MS and DB_STATEMENT_TIMEOUT_MS applied. */
export function databaseConnection(config: Pick<CaseledgerConfig, 'dbTimeouts'>, url: string): ClientConfig {
  return withTimeouts({ connectionString: url }, config.dbTimeouts);
}
