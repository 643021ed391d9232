import type { StreamHead } from './chain-events.js';

/**
 * The last known (revision, hash) of recently used streams, so an append with an exact expected
 * revision can chain without reading the stream first. An entry is never wrong, only possibly old:
 * once committed, the event at (stream, revision) never changes. An old entry costs one read (the
 * expected revision differs from the cached one) or one unique-key conflict, never a bad chain.
 *
 * Two generations instead of an ordered LRU: heads go into `recent`; when it holds `capacity`
 * streams it becomes `older` and the previous `older` is dropped whole; a stream found in `older`
 * moves back into `recent`. So the `capacity` most recently used streams are always kept (at most
 * twice as many are held), and nothing is ever reordered, evicted one by one or copied: each of
 * those cost the ingest microseconds per new stream, and every order is a new stream.
 */
export class StreamHeadCache {
  private recent = new Map<string, StreamHead>();
  private older = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): StreamHead | undefined {
    const head = this.recent.get(streamId);
    if (head) return head;
    const old = this.older.get(streamId);
    if (old) this.keep(streamId, old);
    return old;
  }

  /** Records a committed head; an older revision than the one known is ignored. */
  remember(streamId: string, head: StreamHead): void {
    const known = this.recent.get(streamId) ?? this.older.get(streamId);
    if (known && known.revision >= head.revision) return;
    this.keep(streamId, head);
  }

  /** Streams held (both generations; one moved back to `recent` counts twice until `older` goes). */
  get size(): number {
    return this.recent.size + this.older.size;
  }

  clear(): void {
    this.recent.clear();
    this.older.clear();
  }

  private keep(streamId: string, head: StreamHead): void {
    if (this.recent.size >= this.capacity && !this.recent.has(streamId)) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(streamId, head);
  }
}
