import type { Pool } from 'pg';
import type { EventStore, FollowerLogger } from '#event-store';
import { ProjectionRunner } from '../runner/projection-runner.js';
import { ProjectionStatus } from '../runner/projection-status.js';

export interface StartProjectorOptions {
  store: EventStore;
  /** On the database that holds the read models (migrations already run). Not closed by stop(). */
  pool: Pool;
  logger?: FollowerLogger;
  batchSize?: number;
}

export interface RunningProjector {
  runner: ProjectionRunner;
  /** For /health and /metrics (a HealthContributor) and read-your-writes waits. */
  status: ProjectionStatus;
  stop(): Promise<void>;
}

/** Runs the projection runner in this process: active if it gets the lock, otherwise standing by. */
export function startProjector(options: StartProjectorOptions): RunningProjector {
  const runner = new ProjectionRunner({
    store: options.store,
    pool: options.pool,
    logger: options.logger,
    batchSize: options.batchSize,
  }).start();
  const status = new ProjectionStatus(options.pool, options.store);
  return { runner, status, stop: () => runner.stop() };
}
