import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '../shared/tokens.js';
import { DepartmentWorkload, type WorkloadEntryView } from './department-workload.js';

/**
 * Auto-assignment compares the loads of every event already in the log when the command runs, never
 * a lagging read model (SPEC §3). This keeps the department's workload in memory and, before each
 * use, catches it up to the head position committed at that moment: commands sent one after
 * another see each other's effects, on any number of API replicas.
 */
@Injectable()
export class LiveWorkload {
  private readonly workload = new DepartmentWorkload();
  private position = 0;
  private catchingUp: Promise<void> = Promise.resolve();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async current(exceptCaseId?: string): Promise<WorkloadEntryView[]> {
    const head = await this.store.headPosition();
    this.catchingUp = this.catchingUp.then(() => this.catchUpTo(head));
    await this.catchingUp;
    return this.workload.entries(exceptCaseId);
  }

  /** readAllFacts, as readAll, only returns events no later commit can appear below; a head event still in flight shows up within milliseconds. */
  private async catchUpTo(head: number): Promise<void> {
    let idle = 0;
    while (this.position < head) {
      const batch = await this.store.readAllFacts({ after: this.position, maxCount: 5000 });
      for (const event of batch) this.workload.apply(event);
      if (batch.length > 0) {
        this.position = batch[batch.length - 1].globalPosition;
        idle = 0;
      } else {
        if (++idle > 2000) throw new Error(`Workload could not reach position ${head}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
  }
}
