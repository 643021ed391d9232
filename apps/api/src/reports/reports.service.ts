import { Inject, Injectable } from '@nestjs/common';
import { ApplicationError, CLOCK, type Clock } from '#application';
import {
  ProjectionStatus,
  ReportQueries,
  type FollowThroughReport,
  type GoodwillReport,
  type RepWorkloadReport,
} from '#projections';
import type { FollowThroughQuery, GoodwillQuery, RepWorkloadQuery } from './report-queries.schemas.js';

/** How long a report waits for `minPosition` before answering 503 PROJECTION_BEHIND (SPEC §4). */
export const READ_YOUR_WRITES_WAIT_MS = Symbol('ReadYourWritesWaitMs');

/** Reads a report once the read models include the caller's writes; asOf defaults to now. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly queries: ReportQueries,
    private readonly status: ProjectionStatus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_YOUR_WRITES_WAIT_MS) private readonly waitMs: number,
  ) {}

  async repWorkload(q: RepWorkloadQuery): Promise<RepWorkloadReport> {
    await this.caughtUpWith(q.minPosition);
    return this.queries.repWorkload(q.asOf ?? this.clock.now());
  }

  async goodwill(q: GoodwillQuery): Promise<GoodwillReport> {
    await this.caughtUpWith(q.minPosition);
    return this.queries.goodwill(q.from, q.to, this.clock.now());
  }

  async followThrough(q: FollowThroughQuery): Promise<FollowThroughReport> {
    await this.caughtUpWith(q.minPosition);
    return this.queries.followThrough(q.from, q.to, q.asOf ?? this.clock.now());
  }

  /** Read-your-writes for any read of the read models (the reports, the case list). */
  async caughtUpWith(minPosition: number | undefined): Promise<void> {
    if (minPosition === undefined) return;
    const { reached, position } = await this.status.waitForPosition(minPosition, this.waitMs);
    if (!reached) {
      throw new ApplicationError(
        'PROJECTION_BEHIND',
        `The reports have processed the log up to position ${position}, not yet ${minPosition}; try again shortly`,
        { position },
      );
    }
  }
}
