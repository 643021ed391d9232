import type { RecordedEvent } from '../event-store.port.js';
import { eventHash, GENESIS_HASH } from './event-hash.js';

export interface ChainBreak {
  streamId: string;
  streamRevision: number;
  reason: 'revision_gap' | 'prev_hash_mismatch' | 'hash_mismatch';
}

/**
 * Where one stream's chain first breaks, or null when every link holds (SPEC §7 `GET /audit/verify`).
 * `events` are the whole stream in revision order, starting at revision 0.
 */
export function findChainBreak(events: readonly RecordedEvent[]): ChainBreak | null {
  let expectedPrev = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const at = { streamId: event.streamId, streamRevision: event.streamRevision };
    if (event.streamRevision !== index) return { ...at, reason: 'revision_gap' };
    if (event.prevHash !== expectedPrev) return { ...at, reason: 'prev_hash_mismatch' };
    if (eventHash(event.prevHash, event) !== event.hash) return { ...at, reason: 'hash_mismatch' };
    expectedPrev = event.hash;
  }
  return null;
}
