import {
  startIngest,
  startPublisher,
  type KafkaSettings,
  type RunningIngest,
  type RunningPublisher,
} from '#messaging';
import { startMessagingDatabase, type MessagingDatabase } from './messaging-database.js';

export interface RunningPipeline {
  db: MessagingDatabase;
  ingest: RunningIngest;
  publisher: RunningPublisher;
  /** Ingest, then publisher, then the database: each fault test's teardown. */
  stop(): Promise<void>;
}

/**
 * The log with the ingest and the publisher running in this process, as `npm start` wires them:
 * what the broker and database fault tests break and watch recover. `tuning` is each test's pace
 * (chunks, batches, how soon a failed part retries).
 */
export async function startPipeline(
  settings: KafkaSettings,
  groupId: string,
  tuning: { chunkSize?: number; batchSize: number; retryMs: number; standbyPollMs?: number },
): Promise<RunningPipeline> {
  const db = await startMessagingDatabase();
  const ingest = await startIngest({
    store: db.store,
    kafka: settings,
    currency: 'USD',
    groupId,
    sessionTimeoutMs: 6_000,
    restartDelayMs: 1_000,
    ...(tuning.chunkSize !== undefined ? { chunkSize: tuning.chunkSize } : {}),
  });
  const publisher = startPublisher({
    store: db.store,
    pool: db.pool,
    kafka: settings,
    batchSize: tuning.batchSize,
    retryMs: tuning.retryMs,
    ...(tuning.standbyPollMs !== undefined ? { standbyPollMs: tuning.standbyPollMs } : {}),
  });
  return {
    db,
    ingest,
    publisher,
    stop: async () => {
      await ingest.stop();
      await publisher.stop();
      await db.stop();
    },
  };
}
