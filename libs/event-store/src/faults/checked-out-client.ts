import type { PoolClient } from 'pg';
import { isDatabaseUnavailable } from './database-unavailable.js';

/**
 * While a pool's client is checked out the pool does not listen to it, and a connection lost then
 * (pg_terminate_backend, a cut network) emits 'error' with nobody listening: the process would die.
 * This listens for the time of the loan; release() destroys a client whose connection failed
 * (or whose work failed for that reason) and returns a healthy one to the pool.
 */
export function guardCheckedOut(client: PoolClient): { release(failure?: unknown): void } {
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  return {
    release(failure?: unknown) {
      const lost = broken ?? (isDatabaseUnavailable(failure) ? (failure as Error) : undefined);
      // A broken client keeps our listener to the end: its socket may still report on its way out.
      if (!lost) client.off('error', onError);
      client.release(lost);
    },
  };
}
