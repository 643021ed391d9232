import type { Pool, PoolClient } from 'pg';
import type { FollowerLock } from './follower-lock.js';
import { pause } from './follower-logger.js';

/** The connection the lock is held on, as the work sees it. */
export interface HeldConnection {
  client: PoolClient;
  /** Throws the connection's error once it broke: the lock went with its session. */
  check(): void;
}

export interface WhileHoldingLockOptions {
  pool: Pool;
  lock: FollowerLock;
  signal: AbortSignal;
  standbyPollMs: number;
  /** Pause before starting over after a failed round. */
  retryMs: number;
  /** Runs on the connection before standing by (e.g. creating the rows the follower will use). */
  prepare?(client: PoolClient): Promise<void>;
  /** Told once each time the lock is found taken by another session. */
  waiting?(): void;
  /** True once the lock is taken; false when the work ends, fails, or the connection breaks. */
  holding?(holding: boolean): void;
  /** The follower's work while it holds the lock; runs until `signal` aborts or it throws. */
  work(connection: HeldConnection): Promise<void>;
  /** A round that failed (connection lost, database or broker away); the loop starts over after retryMs. */
  failed(error: unknown): void;
  /**
   * On a clean stop, give the lock back and return the connection to the pool. By default, and
   * always after a failed round (the session's state is unknown), the connection is destroyed,
   * which ends its session and the lock with it.
   */
  keepConnection?: boolean;
}

/**
 * The one loop of every follower that must be the only one of its kind (the projector, the event
 * feed, the digest issuer): take a connection, stand by until its session holds the lock, work,
 * and after any failure start over from the beginning (the work resumes from what it committed),
 * until `signal` aborts.
 */
export async function whileHoldingLock(options: WhileHoldingLockOptions): Promise<void> {
  const { signal } = options;
  while (!signal.aborted) {
    let client: PoolClient | undefined;
    let broken: Error | undefined;
    // A killed connection emits 'error' on the client; without a listener the process would crash.
    // Its session, and the lock with it, is gone at that moment, whatever the work is doing.
    const onError = (error: Error) => {
      broken = error;
      options.holding?.(false);
    };
    let held = true;
    try {
      client = await options.pool.connect();
      client.on('error', onError);
      await options.prepare?.(client);
      held = await options.lock.standBy(client, options.standbyPollMs, signal, options.waiting);
      if (held) {
        options.holding?.(true);
        const connection = client;
        await options.work({
          client: connection,
          check: () => {
            if (broken) throw broken;
          },
        });
      }
    } catch (error) {
      broken ??= error as Error;
      options.failed(error);
    } finally {
      options.holding?.(false);
      if (client) await release(client, options, broken, onError);
    }
    if (!held) return;
    await pause(options.retryMs, signal);
  }
}

async function release(
  client: PoolClient,
  options: WhileHoldingLockOptions,
  broken: Error | undefined,
  onError: (error: Error) => void,
): Promise<void> {
  if (options.keepConnection && !broken) {
    await options.lock.release(client).catch(() => undefined);
    client.off('error', onError); // back to the pool, which listens itself; a broken one keeps ours to the end
    client.release();
    return;
  }
  client.release(true);
}
