import { pino, type Logger } from 'pino';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgresOptions,
  type RunningPostgres,
} from '#embedded-postgres';

/** Pauses between restart attempts: a killed server's backends take a moment to let go of its memory. */
const RESTART_DELAYS_MS = [100, 250, 500, 1_000, 2_000];

/**
 * The embedded PostgreSQL of `npm start`, kept running: when the server exits without being asked
 * (killed, crashed, out of memory), it is started again on the same data directory and port, so
 * every pool reconnects to the URL it has. PostgreSQL's own crash recovery replays its WAL: every
 * committed transaction is there. Until it is back, calls fail fast (connection refused: 503).
 */
export async function superviseEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
  logger: Logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'caseledger' } }),
): Promise<RunningPostgres> {
  const log = logger.child({ part: 'embedded-postgres' });
  let current = await startEmbeddedPostgres(options);
  const port = current.port;
  let stopping = false;
  let restarting: Promise<void> = Promise.resolve();

  const restart = async () => {
    const lostAt = Date.now();
    log.error({ pid: current.pid, port }, 'embedded PostgreSQL exited unexpectedly; restarting it');
    for (let attempt = 0; !stopping; attempt++) {
      await new Promise((resolve) =>
        setTimeout(resolve, RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]),
      );
      if (stopping) return;
      try {
        current = await startEmbeddedPostgres({ ...options, port });
        log.warn(
          { pid: current.pid, port, downMs: Date.now() - lostAt, attempts: attempt + 1 },
          'embedded PostgreSQL restarted',
        );
        watch();
        return;
      } catch (error) {
        if (attempt % 10 === 0)
          log.warn(
            { err: error, attempt: attempt + 1 },
            'embedded PostgreSQL did not start yet; trying again',
          );
      }
    }
  };
  const watch = () => {
    const server = current;
    void server.exited.then(() => {
      if (stopping || server !== current) return;
      restarting = restart();
    });
  };
  watch();

  return {
    url: current.url,
    port,
    get pid() {
      return current.pid;
    },
    get exited() {
      return current.exited;
    },
    stop: async () => {
      stopping = true;
      await restarting;
      await current.stop();
    },
  };
}
