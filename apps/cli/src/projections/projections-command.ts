import type { EventStore } from '#event-store';
import {
  PROJECTIONS,
  printRebuildProgress,
  ProjectionStatus,
  projectionNamed,
  rebuildProjections,
} from '#projections';
import { openPool } from '#event-store';

export const PROJECTIONS_USAGE = `usage: cli projections rebuild [${PROJECTIONS.map((p) => p.name).join('|')}] [--batch-size N]
       cli projections status`;

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * `projections rebuild [name]`: replays the log into fresh tables while the API keeps answering
 * from the live ones, then swaps them in (all projections when no name is given). Run as the
 * tables' owner (DDL). `projections status`: each projection's position and lag.
 * Returns the process exit code.
 */
export async function runProjectionsCommand(
  args: string[],
  deps: { databaseUrl: string; store: EventStore; out: Output; err: Output },
): Promise<number> {
  const [verb, ...rest] = args;
  const pool = openPool({ connectionString: deps.databaseUrl, max: 2 }, () => undefined);
  try {
    if (verb === 'rebuild') {
      const batch = rest.indexOf('--batch-size');
      const batchSize = batch >= 0 ? Number(rest[batch + 1]) : undefined;
      const names = rest.filter((a, i) => !a.startsWith('--') && (batch < 0 || i !== batch + 1));
      if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0))
        return usage(deps.err, '--batch-size needs a positive whole number');
      const projections = names.length === 0 ? PROJECTIONS : names.map(projectionNamed);
      await rebuildProjections({
        store: deps.store,
        pool,
        projections,
        batchSize,
        progress: printRebuildProgress(deps.out),
      });
      return 0;
    }
    if (verb === 'status') {
      const head = await deps.store.headPosition();
      deps.out.write(
        `${JSON.stringify(await new ProjectionStatus(pool, deps.store).health(head), null, 2)}\n`,
      );
      return 0;
    }
    return usage(deps.err, verb ? `unknown command "projections ${verb}"` : 'missing command');
  } finally {
    await pool.end();
  }
}

function usage(err: Output, problem: string): number {
  err.write(`${problem}\n${PROJECTIONS_USAGE}\n`);
  return 2;
}
