import type { DomainFacts, ReadModelTable } from '../read-models/read-model-table.js';

/** Rows are addressed by their primary-key values. */
export const rowKey = (values: readonly string[]): string => JSON.stringify(values);

/**
 * The pure heart of the runner: folds a batch of events into the rows they touch, starting from the
 * rows as stored. Returns only the rows that changed (an event applied twice changes nothing).
 */
export function foldEvents<Row extends object>(
  table: ReadModelTable<Row>,
  stored: ReadonlyMap<string, Row>,
  events: readonly DomainFacts[],
): Map<string, Row> {
  const changed = new Map<string, Row>();
  for (const event of events) {
    if (!table.handles.includes(event.type)) continue;
    const key = rowKey(table.keyOf(event));
    const before = changed.get(key) ?? stored.get(key) ?? null;
    const after = table.evolve(before, event);
    if (after !== before) changed.set(key, after);
  }
  return changed;
}

/** Keys of the rows a batch touches, once each. */
export function keysTouched(table: ReadModelTable, events: readonly DomainFacts[]): string[][] {
  const keys = new Map<string, string[]>();
  for (const event of events) {
    if (!table.handles.includes(event.type)) continue;
    const values = table.keyOf(event);
    keys.set(rowKey(values), values);
  }
  return [...keys.values()];
}
