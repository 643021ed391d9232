interface Waiting {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Commands run at once by default: enough to keep PostgreSQL's group commit busy, few enough not to race. */
export const DEFAULT_COMMANDS_IN_FLIGHT = 16;

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
    private readonly turnAway: (error: unknown) => Error | undefined = () => undefined,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`commands in flight must be a positive integer, not ${limit}`);
  }

  /** Commands running now, and waiting. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.queue.length - this.head };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running++;
    else await new Promise<void>((resolve, reject) => this.queue.push({ resolve, reject }));
    try {
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
