import { PROJECTOR_TUNING } from '#config';
import type { Pool, PoolClient } from 'pg';
import { pause, silentLogger, whileHoldingLock, type EventStore, type FollowerLogger } from '#event-store';
import { PROJECTIONS, type Projection } from '../read-models/projections.js';
import { READ_MODELS_SCHEMA } from '../read-models/schema.js';
import { applyBatch } from './apply-batch.js';
import { CheckpointMoved, ensureCheckpoints, readCheckpoints } from './checkpoints.js';
import { projectorLock } from './projector-lock.js';
import { ReadAhead } from './read-ahead.js';

export interface ProjectionRunnerOptions {
  store: Pick<EventStore, 'readAllFacts'>;
  /** The runner holds one connection of it while it runs: the advisory lock and every write use it. */
  pool: Pool;
  projections?: readonly Projection[];
  batchSize?: number;
  /** Pause when the log has nothing new. */
  idlePollMs?: number;
  /** How often a standby tries to take the lock. */
  standbyPollMs?: number;
  /** Pause before reconnecting after a lost connection. */
  retryMs?: number;
  logger?: FollowerLogger;
}

/**
 * Keeps the read models up to date from the log: one active runner at a time (advisory lock), the
 * others stand by. Reads batches after the checkpoint and applies each in one transaction with the
 * checkpoint; after a crash it resumes from the last committed batch.
 */
export class ProjectionRunner {
  private readonly projections: readonly Projection[];
  private readonly names: string[];
  private readonly logger: FollowerLogger;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  private active = false;
  private appliedBatches = 0;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.projections = options.projections ?? PROJECTIONS;
    this.names = this.projections.map((p) => p.name);
    this.logger = options.logger ?? silentLogger;
  }

  start(): this {
    this.loop ??= this.run();
    return this;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  /** Whether this runner holds the lock and is applying the log. */
  isActive(): boolean {
    return this.active;
  }

  get batchesApplied(): number {
    return this.appliedBatches;
  }

  private run(): Promise<void> {
    return whileHoldingLock({
      pool: this.options.pool,
      lock: projectorLock,
      signal: this.stopping.signal,
      standbyPollMs: this.options.standbyPollMs ?? PROJECTOR_TUNING.standbyPollMs,
      retryMs: this.options.retryMs ?? PROJECTOR_TUNING.retryMs,
      keepConnection: true,
      prepare: (client) => ensureCheckpoints(client, READ_MODELS_SCHEMA, this.names),
      waiting: () => this.logger.info({}, 'projector standing by: another one holds the lock'),
      holding: (holding) => {
        if (holding && !this.active)
          this.logger.info({ projections: this.names }, 'projector active: took the lock');
        this.active = holding;
      },
      work: ({ client }) => this.follow(client, this.stopping.signal),
      // A lost connection, or a batch that failed: it rolled back whole, so starting again from the
      // committed checkpoint (after a pause, as standby first) neither skips nor repeats.
      failed: (error) =>
        this.logger.warn(
          { err: error },
          'projector stopped applying the log; it resumes from the last committed batch',
        ),
    });
  }

  private async follow(client: PoolClient, signal: AbortSignal): Promise<void> {
    let positions = await readCheckpoints(client, READ_MODELS_SCHEMA, this.names);
    const log = new ReadAhead(this.options.store, this.options.batchSize ?? PROJECTOR_TUNING.batchSize);
    while (!signal.aborted) {
      const events = await log.batchAfter(Math.min(...positions.values()));
      if (events.length === 0) {
        await pause(this.options.idlePollMs ?? PROJECTOR_TUNING.idlePollMs, signal);
        continue;
      }
      try {
        positions = await applyBatch(client, READ_MODELS_SCHEMA, this.projections, positions, events);
        this.appliedBatches++;
      } catch (error) {
        if (!(error instanceof CheckpointMoved)) throw error;
        // A rebuild swapped tables in (or another writer ran): start again from what is committed.
        this.logger.info(
          { projection: error.projection },
          'checkpoint moved under the projector; re-reading it',
        );
        positions = await readCheckpoints(client, READ_MODELS_SCHEMA, this.names);
      }
    }
  }
}
