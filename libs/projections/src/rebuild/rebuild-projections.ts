import { PROJECTOR_TUNING } from '#config';
import type { Pool, PoolClient } from 'pg';
import type { EventStore } from '#event-store';
import { PROJECTIONS, type Projection } from '../read-models/projections.js';
import { READ_MODELS_SCHEMA, REBUILD_SCHEMA } from '../read-models/schema.js';
import { applyBatch, applyBatchInTransaction } from '../runner/apply-batch.js';
import { CHECKPOINTS_TABLE, ensureCheckpoints, readCheckpoints } from '../runner/checkpoints.js';
import { rebuildLock } from '../runner/projector-lock.js';
import { ReadAhead } from '../runner/read-ahead.js';
import { readDomainFacts } from '../runner/read-domain-facts.js';
import { qualified } from '../runner/table-sql.js';
import { buildShadowIndexes, createShadow, shadowsInProgress, swapInShadow } from './shadow-tables.js';

export interface RebuildProgress {
  started(state: { projections: string[]; resumed: string[]; position: number; target: number }): void;
  advanced(state: { position: number; target: number; eventsApplied: number }): void;
  finished(summary: RebuildSummary): void;
}

export interface RebuildSummary {
  projections: string[];
  position: number;
  eventsApplied: number;
  seconds: number;
}

export interface RebuildOptions {
  store: Pick<EventStore, 'readAllFacts' | 'headPosition'>;
  pool: Pool;
  /** Default: every projection. */
  projections?: readonly Projection[];
  batchSize?: number;
  progress?: RebuildProgress;
}

export class RebuildAlreadyRunning extends Error {
  readonly code = 'REBUILD_ALREADY_RUNNING' as const;
  constructor() {
    super('Another rebuild of the projections is running');
    this.name = 'RebuildAlreadyRunning';
  }
}

const lowest = (positions: Map<string, number>) => Math.min(...positions.values());

/**
 * Replays the log from position 0 into shadow tables while the live ones keep answering, then swaps
 * them in one transaction. Each shadow batch commits with the shadow checkpoint, so a rebuild killed
 * midway resumes where it stopped and ends with the same tables as an uninterrupted one.
 */
export async function rebuildProjections(options: RebuildOptions): Promise<RebuildSummary> {
  // In the runner's order, so the swap locks checkpoint rows in the order the runner does (no deadlock).
  const wanted = new Set((options.projections ?? PROJECTIONS).map((p) => p.name));
  const projections = PROJECTIONS.filter((p) => wanted.has(p.name));
  const names = projections.map((p) => p.name);
  const batchSize = options.batchSize ?? PROJECTOR_TUNING.batchSize;
  const started = Date.now();
  const client = await options.pool.connect();
  client.on('error', () => undefined);
  try {
    if (!(await rebuildLock.tryTake(client))) throw new RebuildAlreadyRunning();
    await ensureCheckpoints(client, READ_MODELS_SCHEMA, names);
    const resumed = await shadowsInProgress(client, projections);
    for (const projection of projections)
      if (!resumed.has(projection.name)) await createShadow(client, projection);
    let positions = await readCheckpoints(client, REBUILD_SCHEMA, names);
    let target = await options.store.headPosition();
    options.progress?.started({
      projections: names,
      resumed: [...resumed],
      position: lowest(positions),
      target,
    });
    let eventsApplied = 0;
    const log = new ReadAhead(options.store, batchSize);
    for (;;) {
      const events = await log.batchAfter(lowest(positions));
      if (events.length === 0) break;
      positions = await applyBatch(client, REBUILD_SCHEMA, projections, positions, events);
      eventsApplied += events.length;
      target = Math.max(target, lowest(positions));
      options.progress?.advanced({ position: lowest(positions), target, eventsApplied });
    }
    for (const projection of projections) await buildShadowIndexes(client, projection);
    eventsApplied += await swap(client, options, projections, positions, batchSize);
    const summary = {
      projections: names,
      position: lowest(await readCheckpoints(client, READ_MODELS_SCHEMA, names)),
      eventsApplied,
      seconds: (Date.now() - started) / 1000,
    };
    options.progress?.finished(summary);
    return summary;
  } finally {
    await rebuildLock.release(client).catch(() => undefined);
    client.release();
  }
}

/** Holds the live checkpoints (the runner waits), applies what came in meanwhile, swaps. */
async function swap(
  client: PoolClient,
  options: RebuildOptions,
  projections: Projection[],
  from: Map<string, number>,
  batchSize: number,
): Promise<number> {
  let positions = from;
  let applied = 0;
  await client.query('BEGIN');
  try {
    for (const p of projections) {
      await client.query(
        `SELECT 1 FROM ${qualified(READ_MODELS_SCHEMA, CHECKPOINTS_TABLE)} WHERE projection = $1 FOR UPDATE`,
        [p.name],
      );
    }
    for (;;) {
      const events = await readDomainFacts(options.store, { after: lowest(positions), maxCount: batchSize });
      if (events.length === 0) break;
      positions = await applyBatchInTransaction(client, REBUILD_SCHEMA, projections, positions, events);
      applied += events.length;
    }
    for (const p of projections) await swapInShadow(client, p);
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
