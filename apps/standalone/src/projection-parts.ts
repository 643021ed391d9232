import pg from 'pg';
import type { Logger } from 'pino';
import { withApplicationRole, type EventStore } from '#event-store';
import { startProjector } from '#projections';
import { ReportsController } from '../../api/src/reports/reports.controller.js';
import { reportsProviders } from '../../api/src/reports/reports.providers.js';

/**
 * The projector in this process (active while it holds the projector lock, standing by otherwise)
 * and what the API needs to answer the reports from its read models (migrated by prepareDatabase, as the owner).
 */
export async function startProjectionParts(store: EventStore, databaseUrl: string, logger: Logger) {
  const pool = new pg.Pool({ ...withApplicationRole({ connectionString: databaseUrl }), max: 6 });
  // An idle connection that dies (the server stopping last, at shutdown) emits 'error' on the pool;
  // unheard, it would end the process with exit code 1.
  pool.on('error', (error) => logger.warn({ err: error }, 'projection pool lost an idle connection'));
  const projector = startProjector({ store, pool, logger: logger.child({ part: 'projector' }) });
  return {
    controllers: [ReportsController],
    providers: reportsProviders({ pool, status: projector.status }),
    health: projector.status,
    stop: async () => {
      await projector.stop();
      await pool.end();
    },
  };
}
