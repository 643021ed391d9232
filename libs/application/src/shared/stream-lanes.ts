/**
 * Commands judged on the same stream take turns in this process, in arrival order; commands on
 * other streams pass each other freely. Two commands on one stream read the same revision, and one
 * of the two appends is bound to be refused and tried again: a fresh read, another decision,
 * another append. Taking turns, the second reads what the first wrote and appends once.
 *
 * Only an optimisation: appends still name the revision they read, so commands in other processes
 * (API replicas, the CLI) and streams a command writes besides its own still meet as conflicts
 * and retries. A command that fails passes the turn on like one that succeeds.
 */
export class StreamLanes {
  /** Per stream, the end of its lane: settles when the last command queued on it is done. */
  private readonly tails = new Map<string, Promise<void>>();

  inTurn<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(streamId);
    const mine = before ? before.then(work) : work();
    const tail = mine.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(streamId, tail);
    void tail.then(() => {
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    });
    return mine;
  }

  /** Streams with a command working or waiting (for tests: a lane is dropped once it empties). */
  get busy(): number {
    return this.tails.size;
  }
}
