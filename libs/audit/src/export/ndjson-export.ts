import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { RecordedEvent } from '#event-store';

/**
 * Writes envelopes as NDJSON, one `JSON.stringify` of the whole envelope (hash and prevHash
 * included) per line: what docs/audit.md's verifier reads. Through `pipeline`, so a slow disk or
 * pipe holds the reading back (an export of millions of events keeps about a page in memory) and a
 * write error rejects instead of crashing the process. `end: false` leaves `out` open (stdout).
 */
export async function writeNdjson(
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
  out: Writable,
  options: { end?: boolean } = {},
): Promise<number> {
  let written = 0;
  async function* lines() {
    for await (const event of events) {
      written += 1;
      yield `${JSON.stringify(event)}\n`;
    }
  }
  await pipeline(Readable.from(lines()), out, { end: options.end ?? true });
  return written;
}
