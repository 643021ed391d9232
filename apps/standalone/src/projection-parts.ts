import { type ClientConfig } from 'pg';
import type { Logger } from 'pino';
import type { EventStore } from '#event-store';
import { WORKLOAD_SEED } from '#application';
import { readWorkloadSeed } from '#projections';
import { startProjectorPart } from '#runtime';
import { CaseListController } from '../../api/src/case-list/case-list.controller.js';
import { StandardsController } from '../../api/src/case-list/standards.controller.js';
import { GoodwillAccountController } from '../../api/src/case-list/goodwill-account.controller.js';
import { ReportsController } from '../../api/src/reports/reports.controller.js';
import { reportsProviders } from '../../api/src/reports/reports.providers.js';

/**
 * The projector part (as apps/projector runs it) and what the API needs to answer the reports from
 * its read models (migrated by prepareDatabase, as the owner).
 */
export function startProjectionParts(
  store: EventStore,
  logger: Logger,
  connection: ClientConfig,
  reportWaitMs?: number,
) {
  const projector = startProjectorPart(store, connection, logger, 6);
  const pool = projector.pool;
  return {
    controllers: [ReportsController, CaseListController, StandardsController, GoodwillAccountController],
    providers: [
      ...reportsProviders({ pool, status: projector.status, waitMs: reportWaitMs }),
      // Auto-assignment after a restart starts from the read models, not the log's first event.
      { provide: WORKLOAD_SEED, useValue: () => readWorkloadSeed(pool) },
    ],
    health: projector.status,
    stop: () => projector.stop(),
  };
}
