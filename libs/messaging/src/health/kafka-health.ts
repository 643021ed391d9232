import type { IngestStatus } from '../ingest/ingest-status.js';
import type { PublisherStatus } from '../publish/publisher-status.js';

/** The shape apps/api's /health and /metrics take (HealthContributor there). */
export interface MessagingHealthContributor {
  name: string;
  health(headPosition: number | null): Promise<{ ready?: boolean } & Record<string, unknown>>;
  metrics(headPosition: number): Promise<string[]>;
}

/**
 * Ingest and publication as one `kafka` entry of /health (consumer status, publisher lag) and
 * their lines of /metrics. Either may be absent: a process runs one, the other or both.
 */
export function kafkaHealthContributor(parts: {
  ingest?: IngestStatus;
  publisher?: PublisherStatus;
}): MessagingHealthContributor {
  return {
    name: 'kafka',
    async health(headPosition) {
      const [ingest, publisher] = await Promise.all([
        parts.ingest?.health(),
        parts.publisher?.health(headPosition),
      ]);
      return { ready: true, ...(ingest ? { ingest } : {}), ...(publisher ? { publisher } : {}) };
    },
    async metrics(headPosition) {
      const [ingest, publisher] = await Promise.all([
        parts.ingest?.metrics() ?? [],
        parts.publisher?.metrics(headPosition) ?? [],
      ]);
      return [...ingest, ...publisher];
    },
  };
}
