import type { Pool } from 'pg';
import { casesReceived, followUpsDue } from './follow-through/follow-through.query.js';
import { followThrough, type FollowThroughReport } from './follow-through/follow-through.js';
import {
  budgets,
  grantsInPeriod,
  guidelinePct,
  netSales,
  refundsInPeriod,
} from './goodwill/goodwill.query.js';
import { goodwillAsPctOfSales, monthsTouched, type GoodwillReport } from './goodwill/goodwill.js';
import { inReadModelSnapshot } from './read-model-snapshot.js';
import { openCasesAsOf } from './rep-workload/rep-workload.query.js';
import { repWorkload, type RepWorkloadReport } from './rep-workload/rep-workload.js';
import { staffAsOf } from './staff-as-of.query.js';

/**
 * The three reports of SPEC §6, computed at query time from the time-stamped facts of the read
 * models (SQL picks what was true as of the instant asked; the figures are pure functions).
 * Instants are ISO-8601 UTC strings; callers validate them.
 */
export class ReportQueries {
  constructor(private readonly pool: Pool) {}

  repWorkload(asOf: string): Promise<RepWorkloadReport> {
    return inReadModelSnapshot(this.pool, async (client, position) => {
      const staff = await staffAsOf(client, asOf);
      const openCases = await openCasesAsOf(client, asOf);
      return repWorkload({ asOf, position, staff, openCases });
    });
  }

  /** `asOf` is now: events later in business time (up to 5 minutes ahead) are not counted yet. */
  goodwill(from: string, to: string, asOf: string): Promise<GoodwillReport> {
    return inReadModelSnapshot(this.pool, async (client, position) => {
      const sales = await netSales(client, from, to, asOf);
      return goodwillAsPctOfSales({
        from,
        to,
        position,
        guidelinePct: await guidelinePct(client, to, asOf),
        netSalesCents: sales.total,
        refundsCents: await refundsInPeriod(client, from, to, asOf),
        grants: await grantsInPeriod(client, from, to, asOf),
        budgetCents: await budgets(client, monthsTouched(from, to), asOf),
        distributorSalesCents: sales.byDistributor,
      });
    });
  }

  followThrough(from: string, to: string, asOf: string): Promise<FollowThroughReport> {
    return inReadModelSnapshot(this.pool, async (client, position) => {
      const staff = await staffAsOf(client, asOf);
      const followUps = await followUpsDue(client, from, to, asOf);
      const cases = await casesReceived(client, from, to, asOf);
      return followThrough({ from, to, asOf, position, staff, followUps, cases });
    });
  }
}
