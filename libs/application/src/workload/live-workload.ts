import { Inject, Injectable, Optional } from '@nestjs/common';
import { caseStream, EVENT_SCHEMAS } from '#domain';
import { factsOf, type EventFacts, type EventStore } from '#event-store';
import type { Source } from '../shared/command-reads.js';
import { EVENT_STORE, WORKLOAD_SEED } from '../shared/tokens.js';
import { DepartmentWorkload, type WorkloadEntryView } from './department-workload.js';

/** Facts that stand for the log up to `position` (the read models' snapshot of the workload). */
export type WorkloadSeedSource = () => Promise<{ position: number; facts: EventFacts[] }>;

/**
 * Auto-assignment compares the loads of every event already in the log when the command runs, never
 * a lagging read model (SPEC §3). This keeps the department's workload in memory and, before each
 * use, catches it up to the head position committed at that moment: commands sent one after
 * another see each other's effects, on any number of API replicas.
 *
 * The first use starts from the read models' snapshot of the workload when there is one (its cost
 * follows the staff and the open cases, not the log: a restart with a million events no longer
 * folds them all), then folds the log from the snapshot's position as every later use does.
 */
@Injectable()
export class LiveWorkload {
  private readonly workload = new DepartmentWorkload();
  private position = 0;
  private catchingUp: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(WORKLOAD_SEED) private seed?: WorkloadSeedSource,
  ) {}

  async current(exceptCaseId?: string): Promise<WorkloadEntryView[]> {
    const head = await this.store.headPosition();
    // A catch-up that failed (the database away) failed its own command; the next one starts over
    // from where the workload stands, instead of inheriting that failure for good.
    this.catchingUp = this.catchingUp
      .catch(() => undefined)
      .then(async () => {
        await this.seeded();
        await this.catchUpTo(head);
      });
    await this.catchingUp;
    return this.workload.entries(exceptCaseId);
  }

  /** Once, before the first fold; a failed read is tried again by the next command. */
  private async seeded(): Promise<void> {
    if (!this.seed) return;
    const { position, facts } = await this.seed();
    for (const fact of facts) this.workload.apply(fact);
    this.position = position;
    this.seed = undefined;
  }

  /**
   * A case the seed left out (closed then) that an event now changes, usually a reopening: its own
   * stream's earlier events give the assignee and complexity it brings back. Rare, so one read each.
   */
  private async foldCaseBefore(caseId: string, position: number): Promise<void> {
    for (const event of await this.store.readStream(caseStream(caseId)))
      if (event.globalPosition < position) this.workload.apply(EVENT_SCHEMAS.decode(factsOf(event)));
  }

  /** readAllFacts, as readAll, only returns events no later commit can appear below; a head event still in flight shows up within milliseconds. */
  private async catchUpTo(head: number): Promise<void> {
    let idle = 0;
    while (this.position < head) {
      const batch = await this.store.readAllFacts({ after: this.position, maxCount: 5000 });
      for (const stored of batch) {
        const event = EVENT_SCHEMAS.decode(stored);
        const closedAtSeed = this.workload.unknownCase(event);
        if (closedAtSeed !== undefined) await this.foldCaseBefore(closedAtSeed, event.globalPosition);
        this.workload.apply(event);
      }
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

/** A command's read of the department's workload now, leaving out the case being sorted. */
export const workloadBesides =
  (caseId: string): Source<WorkloadEntryView[]> =>
  ({ workload }) =>
    workload.current(caseId);
