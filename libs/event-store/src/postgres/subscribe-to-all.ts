import type { ReadAllOptions, RecordedEvent } from '../event-store.port.js';
import type { AppendWakeups } from './append-wakeups.js';

export interface SubscriptionSettings {
  /** Events per catch-up read. */
  batchSize: number;
  /** Longest wait between two reads when no wake-up comes (NOTIFY lost, listener reconnecting). */
  pollIntervalMs: number;
}

/**
 * Catch-up then live, as one loop: read a batch after the last position delivered; a full batch
 * means more is waiting, a short one means caught up, so wait for a wake-up or the poll interval.
 * Reads go through readAll and its xmin rule, so a late commit is delivered, never stepped over.
 * Ends (returns) when `signal` aborts. A failed read ends it with that error: the consumer resumes
 * from the last position it processed, as after a restart.
 */
export async function* subscribeToAll(
  readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
  wakeups: AppendWakeups,
  settings: SubscriptionSettings,
  after: number,
  signal: AbortSignal,
): AsyncGenerator<RecordedEvent> {
  let position = after;
  while (!signal.aborted) {
    const seen = wakeups.current;
    let batch: RecordedEvent[];
    try {
      batch = await readAll({ after: position, maxCount: settings.batchSize });
    } catch (error) {
      if (signal.aborted) return; // the store closed under a read in flight
      throw error;
    }
    for (const event of batch) {
      if (signal.aborted) return;
      yield event;
      position = event.globalPosition;
    }
    if (batch.length < settings.batchSize) await wakeups.waitForChange(seen, settings.pollIntervalMs, signal);
  }
}
