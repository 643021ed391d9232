import type { ClientConfig } from 'pg';
import type { Logger } from 'pino';
import { openPool, withApplicationRole, type EventStore } from '#event-store';
import { startProjector, type RunningProjector } from '#projections';

export interface ProjectorPart {
  /** The runtime login's pool on the read models: the projector's, and the reports'. */
  pool: ReturnType<typeof openPool>;
  status: RunningProjector['status'];
  stop(): Promise<void>;
}

/**
 * The projector in this process: active while it holds the projector lock, standing by otherwise.
 * The same part in `npm start` and in `apps/projector`; only the size of its pool differs.
 */
export function startProjectorPart(
  store: EventStore,
  connection: ClientConfig,
  logger: Logger,
  poolSize: number,
): ProjectorPart {
  const pool = openPool({ ...withApplicationRole(connection), max: poolSize }, (error) =>
    logger.warn({ err: error, part: 'projector' }, 'read-model pool lost an idle connection'),
  );
  const projector = startProjector({ store, pool, logger: logger.child({ part: 'projector' }) });
  return {
    pool,
    status: projector.status,
    stop: async () => {
      await projector.stop();
      await pool.end();
    },
  };
}
