import type { EventStore } from '#event-store';
import type { DomainFacts } from '../read-models/read-model-table.js';
import { readDomainFacts } from './read-domain-facts.js';

/**
 * Reads the log in batches, keeping the next read in flight while the caller applies the current
 * batch: decoding events (Node) and writing rows (PostgreSQL) then overlap on the two cores.
 * Reads ahead only after a full batch, so a runner that is caught up never holds a stale read.
 */
export class ReadAhead {
  private pending: { after: number; batch: Promise<DomainFacts[]> } | undefined;

  constructor(
    private readonly store: Pick<EventStore, 'readAllFacts'>,
    private readonly batchSize: number,
  ) {}

  async batchAfter(after: number): Promise<DomainFacts[]> {
    const ahead = this.pending?.after === after ? this.pending.batch : undefined;
    this.pending = undefined;
    const batch = await (ahead ?? readDomainFacts(this.store, { after, maxCount: this.batchSize }));
    const last = batch.at(-1);
    if (last && batch.length === this.batchSize) {
      const next = readDomainFacts(this.store, { after: last.globalPosition, maxCount: this.batchSize });
      // Awaited later, or dropped when the caller moves elsewhere: never an unhandled rejection.
      next.catch(() => undefined);
      this.pending = { after: last.globalPosition, batch: next };
    }
    return batch;
  }
}
