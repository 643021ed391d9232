import { LAG_COUNT_LIMIT } from '#config';
import type { Pool } from 'pg';
import { eventsBehind, type EventStore } from '#event-store';
import { PROJECTIONS } from '../read-models/projections.js';
import { READ_MODELS_SCHEMA } from '../read-models/schema.js';
import { CHECKPOINTS_TABLE } from './checkpoints.js';
import { projectorLock } from './projector-lock.js';
import { qualified } from './table-sql.js';

export interface CheckpointView {
  projection: string;
  position: number;
  version: number;
  lastRecordedAt: string | null;
}

/**
 * What any process (API, projector) can tell about the projections from the checkpoint table alone,
 * so it holds whichever process runs the runner: positions, lag, read-your-writes waits.
 */
export class ProjectionStatus {
  readonly name = 'projections';

  constructor(
    private readonly pool: Pool,
    private readonly store: Pick<EventStore, 'readAllFacts' | 'countEvents'>,
    private readonly names: readonly string[] = PROJECTIONS.map((p) => p.name),
    private readonly now: () => number = Date.now,
  ) {}

  async checkpoints(): Promise<CheckpointView[]> {
    const { rows } = await this.pool.query<{
      projection: string;
      position: string;
      version: number;
      last_recorded_at: Date | null;
    }>(
      `SELECT projection, position, version, last_recorded_at FROM ${qualified(READ_MODELS_SCHEMA, CHECKPOINTS_TABLE)}
       WHERE projection = ANY($1::text[]) ORDER BY projection`,
      [this.names],
    );
    const found = new Map(rows.map((r) => [r.projection, r]));
    // A projection the runner has not started yet is at 0.
    return this.names.map((projection) => {
      const r = found.get(projection);
      return {
        projection,
        position: Number(r?.position ?? 0),
        version: r?.version ?? 1,
        lastRecordedAt: r?.last_recorded_at?.toISOString() ?? null,
      };
    });
  }

  /** The position every report can answer for: the slowest projection's. */
  async position(): Promise<number> {
    return Math.min(...(await this.checkpoints()).map((c) => c.position));
  }

  /** Waits until every projection has processed `position`; polls the table, so the runner may live elsewhere. */
  async waitForPosition(
    position: number,
    timeoutMs = 5000,
    pollMs = 50,
  ): Promise<{ reached: boolean; position: number }> {
    const deadline = this.now() + timeoutMs;
    for (;;) {
      const reached = await this.position();
      if (reached >= position) return { reached: true, position: reached };
      if (this.now() >= deadline) return { reached: false, position: reached };
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(pollMs, Math.max(1, deadline - this.now()))),
      );
    }
  }

  /** Seconds since the oldest event not yet processed was recorded (0 when caught up). */
  private async secondsBehind(position: number, head: number): Promise<number> {
    if (position >= head) return 0;
    const [next] = await this.store.readAllFacts({ after: position, maxCount: 1 });
    if (!next) return 0;
    return Math.max(0, Math.round((this.now() - Date.parse(next.recordedAt)) / 100) / 10);
  }

  async health(headPosition: number | null): Promise<{ ready: boolean } & Record<string, unknown>> {
    try {
      const checkpoints = await this.checkpoints();
      const head = headPosition ?? 0;
      const projections = Object.fromEntries(
        await Promise.all(
          checkpoints.map(async (c) => [
            c.projection,
            {
              position: c.position,
              version: c.version,
              eventsBehind: await eventsBehind(this.store, c.position, head),
              secondsBehind: await this.secondsBehind(c.position, head),
            },
          ]),
        ),
      );
      const position = Math.min(...checkpoints.map((c) => c.position));
      return {
        ready: true,
        status: 'up',
        runnerActive: await projectorLock.heldAnywhere(this.pool),
        position,
        eventsBehind: await eventsBehind(this.store, position, head),
        projections,
      };
    } catch (error) {
      // Lag never makes the API unready (reports wait or answer 503); an unreadable read model does.
      return { ready: false, status: 'down', error: (error as Error).message };
    }
  }

  async metrics(headPosition: number): Promise<string[]> {
    const checkpoints = await this.checkpoints().catch(() => []);
    const lines = [
      '# HELP caseledger_projection_position Last global position applied by the projection.',
      '# TYPE caseledger_projection_position gauge',
      ...checkpoints.map((c) => `caseledger_projection_position{projection="${c.projection}"} ${c.position}`),
      `# HELP caseledger_projection_lag_events Events committed but not yet applied by the projection (counted up to ${LAG_COUNT_LIMIT}).`,
      '# TYPE caseledger_projection_lag_events gauge',
      ...(await Promise.all(
        checkpoints.map(
          async (c) =>
            `caseledger_projection_lag_events{projection="${c.projection}"} ${await eventsBehind(this.store, c.position, headPosition)}`,
        ),
      )),
      '# HELP caseledger_projection_lag_seconds Seconds since the oldest event the projection has not applied was recorded.',
      '# TYPE caseledger_projection_lag_seconds gauge',
    ];
    for (const c of checkpoints)
      lines.push(
        `caseledger_projection_lag_seconds{projection="${c.projection}"} ${await this.secondsBehind(c.position, headPosition)}`,
      );
    const active = await projectorLock.heldAnywhere(this.pool).catch(() => false);
    lines.push(
      '# HELP caseledger_projector_active 1 when some projector holds the lock and applies the log.',
      '# TYPE caseledger_projector_active gauge',
      `caseledger_projector_active ${active ? 1 : 0}`,
    );
    return lines;
  }
}
