import type { Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import { CaseListQueries, ProjectionStatus, ReportQueries } from '#projections';
import { READ_YOUR_WRITES_WAIT_MS, ReportsService } from './reports.service.js';
import { READ_MODELS_POOL } from '../case-list/standards.controller.js';

export interface ReportsWiring {
  /** A pool on the database of the read models (the application role is enough: it only reads). */
  pool: Pool;
  /** The projections' status (also the /health contributor); reads the checkpoint table only. */
  status: ProjectionStatus;
  /** Default 5000 ms (SPEC §4). */
  waitMs?: number;
}

/** What `ApiModule.forRoot({ controllers: [ReportsController, CaseListController], providers: reportsProviders(…) })` needs. */
export function reportsProviders(wiring: ReportsWiring): Provider[] {
  return [
    ReportsService,
    { provide: ReportQueries, useValue: new ReportQueries(wiring.pool) },
    { provide: CaseListQueries, useValue: new CaseListQueries(wiring.pool) },
    { provide: READ_MODELS_POOL, useValue: wiring.pool },
    { provide: ProjectionStatus, useValue: wiring.status },
    { provide: READ_YOUR_WRITES_WAIT_MS, useValue: wiring.waitMs ?? 5000 },
  ];
}
