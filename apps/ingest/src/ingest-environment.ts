import { z } from 'zod';
import { ConfigurationError, loadConfig, type CaseledgerConfig } from '#config';

/**
 * The ingest process needs what every process reads (libs/config) plus two settings of its own,
 * validated here the same way until they move into libs/config:
 * - KAFKA_INGEST_GROUP: the consumer group (SPEC §5: `caseledger-ingest`); another only to keep
 *   deployments, or test runs, that share a cluster apart;
 * - KAFKA_SESSION_TIMEOUT_MS: how long a replica that died without leaving keeps its partitions.
 */
const ingestOnly = z.object({
  KAFKA_INGEST_GROUP: z.string().min(1).default('caseledger-ingest'),
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(300_000).default(10_000),
});

export interface IngestEnvironment {
  config: CaseledgerConfig & { kafka: NonNullable<CaseledgerConfig['kafka']>; databaseUrl: string };
  groupId: string;
  sessionTimeoutMs: number;
}

export function loadIngestEnvironment(env: NodeJS.ProcessEnv = process.env): IngestEnvironment {
  const config = loadConfig(env);
  const missing = [config.kafka ? null : 'KAFKA_BROKERS', config.databaseUrl ? null : 'DATABASE_URL'].filter(
    Boolean,
  );
  if (missing.length > 0) {
    throw new ConfigurationError(
      `Invalid configuration:\n${missing.map((name) => `  ${name}: required by apps/ingest`).join('\n')}`,
    );
  }
  const parsed = ingestOnly.safeParse(env);
  if (!parsed.success) {
    throw new ConfigurationError(
      `Invalid configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return {
    config: config as IngestEnvironment['config'],
    groupId: parsed.data.KAFKA_INGEST_GROUP,
    sessionTimeoutMs: parsed.data.KAFKA_SESSION_TIMEOUT_MS,
  };
}
