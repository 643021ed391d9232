import { type ClientConfig } from 'pg';
import type { Logger } from 'pino';
import { withApplicationRole, type EventStore, openPool } from '#event-store';
import { WORKLOAD_SEED } from '#application';
import { readWorkloadSeed, startProjector } from '#projections';
import { CaseListController } from '../../api/src/case-list/case-list.controller.js';
import { StandardsController } from '../../api/src/case-list/standards.controller.js';
import { GoodwillAccountController } from '../../api/src/case-list/goodwill-account.controller.js';
import { ReportsController } from '../../api/src/reports/reports.controller.js';
import { reportsProviders } from '../../api/src/reports/reports.providers.js';

/**
 * The projector in this process (active while it holds the projector lock, standing by otherwise)
 * and what the API needs to answer the reports from its read models (migrated by prepareDatabase, as the owner).
 */
export async function startProjectionParts(
  store: EventStore,
  databaseUrl: string,
  logger: Logger,
  connection: ClientConfig = { connectionString: databaseUrl },
  reportWaitMs?: number,
) {
  const pool = openPool({ ...withApplicationRole(connection), max: 6 }, (error) =>
    logger.warn({ err: error, part: 'projector' }, 'read-model pool lost an idle connection'),
  );
  const projector = startProjector({ store, pool, logger: logger.child({ part: 'projector' }) });
  return {
    controllers: [ReportsController, CaseListController, StandardsController, GoodwillAccountController],
    providers: [
      ...reportsProviders({ pool, status: projector.status, waitMs: reportWaitMs }),
      // Auto-assignment after a restart starts from the read models, not the log's first event.
      { provide: WORKLOAD_SEED, useValue: () => readWorkloadSeed(pool) },
    ],
    health: projector.status,
    stop: async () => {
      await projector.stop();
      await pool.end();
    },
  };
}
