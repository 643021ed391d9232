import { loadConfig } from '#config';
import { openOperatorDatabase } from '#runtime';

export interface AuditDatabase {
  url: string;
  close(): Promise<void>;
}

/** The database of the log, as `npm start` would find it (see openOperatorDatabase). */
export async function openAuditDatabase(env: NodeJS.ProcessEnv): Promise<AuditDatabase> {
  const config = loadConfig(env);
  if (config.eventStore === 'eventstoredb') {
    throw new Error(
      'The audit commands read the PostgreSQL log; an EventStoreDB log needs its own AuditLog reader',
    );
  }
  const database = await openOperatorDatabase(config);
  return { url: database.url, close: () => database.stop() };
}
