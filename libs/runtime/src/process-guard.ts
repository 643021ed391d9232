import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '#event-store';

type Exit = (code: number) => void;

/**
 * The last line of defence of a long-running process: an error nobody handled. A lost database or
 * broker connection is not a reason to die — every pool and client replaces its connections, and
 * the work that failed is retried or answered 503 — so it is logged and the process carries on.
 * Anything else means state this process no longer understands: logged, then exit 1 (a supervisor
 * such as systemd or Kubernetes restarts it; nothing acknowledged is lost, the log is committed).
 */
export function guardProcess(logger: Logger, exit: Exit = (code) => process.exit(code)): void {
  process.on('uncaughtException', (error) => handleUnheard(error, 'uncaughtException', logger, exit));
  process.on('unhandledRejection', (reason) => handleUnheard(reason, 'unhandledRejection', logger, exit));
}

/** What the guard does with one unhandled error: carry on after a lost connection, exit 1 otherwise. */
export function handleUnheard(
  error: unknown,
  origin: string,
  logger: Pick<Logger, 'error' | 'fatal'>,
  exit: Exit,
): void {
  if (isRecoverable(error)) {
    logger.error(
      { err: error, origin },
      'a connection failed with nobody listening; carrying on (it is replaced)',
    );
    return;
  }
  logger.fatal({ err: error, origin }, 'unrecoverable error; exiting');
  exit(1);
}

/** A database connection error, or one of kafkajs's (its clients reconnect on their own). */
export function isRecoverable(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.startsWith('KafkaJS');
}
