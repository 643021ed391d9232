import type { StreamHead } from './chain-events.js';

/**
 * The last known (revision, hash) of recently used streams, so an append with an exact expected
 * revision can chain without reading the stream first. An entry is never wrong, only possibly old:
 * once committed, the event at (stream, revision) never changes. An old entry costs one read (the
 * expected revision differs from the cached one) or one unique-key conflict, never a bad chain.
 * Least recently used entries go first (a Map iterates in insertion order), a quarter of the
 * capacity at a time.
 */
export class StreamHeadCache {
  private entries = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): StreamHead | undefined {
    const head = this.entries.get(streamId);
    if (head) {
      this.entries.delete(streamId);
      this.entries.set(streamId, head);
    }
    return head;
  }

  /** Records a committed head; an older revision than the one known is ignored. */
  remember(streamId: string, head: StreamHead): void {
    const known = this.entries.get(streamId);
    if (known && known.revision >= head.revision) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, head);
    if (this.entries.size > this.capacity + Math.ceil(this.capacity / 4)) this.trim();
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * Keeps the `capacity` most recently used, in a new Map. Deleting the oldest entry one at a time
   * left its hole at the Map's front, and finding the first live entry then walked every hole: with
   * 10,000 streams, 12 µs for each new stream remembered (a tenth of the ingest's CPU per order).
   */
  private trim(): void {
    this.entries = new Map([...this.entries].slice(-this.capacity));
  }
}
