import type { Pool } from 'pg';
import { inReadModelSnapshot } from '../reports/read-model-snapshot.js';
import type { CaseListFilter, CaseListPage } from './case-list.js';
import { caseListQuery } from './case-list.query.js';

/** The case list of `GET /cases`, read on one snapshot of the read models with its position. */
export class CaseListQueries {
  constructor(private readonly pool: Pool) {}

  list(filter: CaseListFilter): Promise<CaseListPage> {
    return inReadModelSnapshot(this.pool, async (client, position) => ({
      ...(await caseListQuery(client, filter)),
      limit: filter.limit,
      offset: filter.offset,
      position,
    }));
  }
}
