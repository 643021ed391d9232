import type { EventFacts } from '#event-store';
import type { ReadModelTable } from '../src/read-models/read-model-table.js';
import { foldEvents } from '../src/runner/fold-events.js';

/** The rows of one table after events, batch by batch, the way the runner stores them in between. */
export function rowsAfter<Row extends object>(table: ReadModelTable<Row>, ...batches: EventFacts[][]): Row[] {
  const stored = new Map<string, Row>();
  for (const batch of batches)
    for (const [key, row] of foldEvents(table, stored, batch)) stored.set(key, row);
  return [...stored.values()];
}
