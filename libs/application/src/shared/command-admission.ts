import { BUSY_RETRY_AFTER_SECONDS, DEFAULT_COMMANDS_IN_FLIGHT, DEFAULT_COMMANDS_WAITING_MAX } from '#config';
import { ApplicationError } from './application-error.js';

interface Waiting {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * At most `limit` commands work at once; the others wait their turn in arrival order. Without it, a
 * burst beyond capacity put every command in flight together: they raced for the same budget and
 * workload streams, lost, retried, and the server answered fewer commands the more it was sent
 * (measured: 247 commands/s with 8 connections, 188 with 64, 141 at an offered 250/s). Waiting
 * costs nothing but time; a command's own latency still counts its wait.
 */
export class CommandAdmission {
  private running = 0;
  /** FIFO of waiting commands: `queue[head]` goes next. */
  private queue: Array<Waiting> = [];
  private head = 0;

  /**
   * `turnAway(error)`: an error of a command that every command waiting at that moment would meet
   * too (the database away, issue 23) → the error they are answered with at once, instead of each
   * waiting its turn to find out; undefined for the errors that are the command's own.
   */
  constructor(
    readonly limit: number = DEFAULT_COMMANDS_IN_FLIGHT,
    /** Past this many waiting, a command is refused at once (503 COMMANDS_BUSY): a queue without end only grows the latency of all. */
    readonly waitingMax: number = DEFAULT_COMMANDS_WAITING_MAX,
    private readonly turnAway: (error: unknown) => Error | undefined = () => undefined,
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`commands in flight must be a positive integer, not ${limit}`);
    if (!Number.isInteger(waitingMax) || waitingMax < 0)
      throw new RangeError(`commands waiting must be a whole number, not ${waitingMax}`);
  }

  /** Commands running now, and waiting. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.queue.length - this.head };
  }

  /**
   * Runs `work` in its turn. `abandoned` is asked when the turn comes: a command whose caller has
   * gone (the HTTP client closed the connection while it waited) is not executed — nobody would
   * learn its outcome, and a retry of it would then find it done.
   */
  async run<T>(work: () => Promise<T>, abandoned: () => boolean = () => false): Promise<T> {
    if (this.running < this.limit) this.running++;
    else {
      if (this.queue.length - this.head >= this.waitingMax) {
        throw new ApplicationError(
          'COMMANDS_BUSY',
          `${this.waitingMax} commands are already waiting; retry after ${BUSY_RETRY_AFTER_SECONDS} s`,
          undefined,
          BUSY_RETRY_AFTER_SECONDS,
        );
      }
      await new Promise<void>((resolve, reject) => this.queue.push({ resolve, reject }));
    }
    try {
      if (abandoned())
        throw new ApplicationError(
          'REQUEST_ABANDONED',
          'The caller left before its command had a turn; it was not executed',
        );
      return await work();
    } catch (error) {
      const answer = this.turnAway(error);
      if (answer) this.turnAwayWaiting(answer);
      throw error;
    } finally {
      this.release();
    }
  }

  /** Every command waiting now gets `answer`; none of them took a slot, so none gives one back. */
  private turnAwayWaiting(answer: Error): void {
    const waiting = this.queue.slice(this.head);
    this.queue = [];
    this.head = 0;
    for (const command of waiting) command.reject(answer);
  }

  /** Hands the slot to the next in line, or frees it. */
  private release(): void {
    if (this.head < this.queue.length) {
      const next = this.queue[this.head]!.resolve;
      this.head++;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      next();
    } else {
      this.running--;
    }
  }
}
