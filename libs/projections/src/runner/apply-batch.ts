import type { ClientBase } from 'pg';
import type { Projection } from '../read-models/projections.js';
import type { DomainFacts, ReadModelTable } from '../read-models/read-model-table.js';
import { advanceCheckpoint } from './checkpoints.js';
import { foldEvents, keysTouched } from './fold-events.js';
import { loadRows, writeRows } from './table-sql.js';

/** A batch's events by type, each list in global order. */
function byType(events: readonly DomainFacts[]): Map<string, DomainFacts[]> {
  const groups = new Map<string, DomainFacts[]>();
  for (const e of events) {
    const group = groups.get(e.type);
    if (group) group.push(e);
    else groups.set(e.type, [e]);
  }
  return groups;
}

/** The events a table handles, in global order. */
function eventsFor(table: ReadModelTable, groups: Map<string, DomainFacts[]>): DomainFacts[] {
  const lists = table.handles.flatMap((type) => groups.get(type) ?? []);
  return table.handles.length > 1 ? lists.sort((a, b) => a.globalPosition - b.globalPosition) : lists;
}

async function applyToTable(
  client: ClientBase,
  schema: string,
  table: ReadModelTable,
  groups: Map<string, DomainFacts[]>,
): Promise<void> {
  const relevant = eventsFor(table, groups);
  if (relevant.length === 0) return;
  if (table.insertOnly) {
    // Facts written once need no read: ON CONFLICT DO NOTHING is `row ?? fact(event)` in SQL.
    await writeRows(
      client,
      schema,
      table.entity,
      relevant.map((e) => table.evolve(null, e)),
      'insert-only',
    );
    return;
  }
  const stored = await loadRows<object>(client, schema, table.entity, keysTouched(table, relevant));
  const changed = foldEvents(table, stored, relevant);
  await writeRows(client, schema, table.entity, [...changed.values()], 'upsert');
}

/**
 * Applies one batch (in global order) to each projection still behind it and moves their
 * checkpoints, inside the caller's transaction. Returns the new positions. Throws CheckpointMoved if
 * another writer got there first (the caller rolls back: nothing counts twice).
 */
export async function applyBatchInTransaction(
  client: ClientBase,
  schema: string,
  projections: readonly Projection[],
  positions: ReadonlyMap<string, number>,
  events: readonly DomainFacts[],
): Promise<Map<string, number>> {
  const next = new Map(positions);
  const last = events.at(-1);
  if (!last) return next;
  const behind = projections
    .map((projection) => ({ projection, from: positions.get(projection.name) ?? 0 }))
    .filter(({ from }) => from < last.globalPosition);
  // Every checkpoint first, then any table. A rebuild's swap holds the checkpoint rows and then
  // drops the live tables: a batch that had written one projection's tables before waiting for the
  // next projection's checkpoint held a lock the swap needed while it waited for the swap (a
  // deadlock, seen in the projections benchmark). Waiting holding no table lock, it cannot.
  for (const { projection, from } of behind) {
    await advanceCheckpoint(client, schema, projection.name, from, {
      position: last.globalPosition,
      recordedAt: last.recordedAt,
    });
  }
  for (const { projection, from } of behind) {
    const groups = byType(events.filter((e) => e.globalPosition > from));
    for (const table of projection.tables) await applyToTable(client, schema, table, groups);
    next.set(projection.name, last.globalPosition);
  }
  return next;
}

/** One batch in ONE transaction: rows and checkpoints commit together or not at all (exactly-once effect). */
export async function applyBatch(
  client: ClientBase,
  schema: string,
  projections: readonly Projection[],
  positions: ReadonlyMap<string, number>,
  events: readonly DomainFacts[],
): Promise<Map<string, number>> {
  // Safe to skip the flush wait: a crash loses the last batches' rows and checkpoint together, and
  // the runner applies them again from the checkpoint that survived. One round trip for both.
  await client.query('BEGIN; SET LOCAL synchronous_commit = off');
  try {
    const next = await applyBatchInTransaction(client, schema, projections, positions, events);
    await client.query('COMMIT');
    return next;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
