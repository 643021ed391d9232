import type { EventType } from '#domain';
import type { DomainFacts, ReadModelTable } from '../src/read-models/read-model-table.js';
import { foldEvents } from '../src/runner/fold-events.js';

/** The rows of one table after events, batch by batch, the way the runner stores them in between. */
export function rowsAfter<Row extends object, T extends EventType>(
  table: ReadModelTable<Row, T>,
  ...batches: DomainFacts[][]
): Row[] {
  // The runner holds tables of every kind as ReadModelTable and gives each only the types it handles.
  const any = table as unknown as ReadModelTable<Row>;
  const stored = new Map<string, Row>();
  for (const batch of batches) for (const [key, row] of foldEvents(any, stored, batch)) stored.set(key, row);
  return [...stored.values()];
}
