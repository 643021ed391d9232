import { createHash } from 'node:crypto';
import type { RecordedEvent } from '../event-store.port.js';
import { canonicalJson } from './canonical-json.js';

/** The `prevHash` of every stream's first event (SPEC §7). */
export const GENESIS_HASH = '0'.repeat(64);

/** The envelope fields the hash covers: everything but `globalPosition`, `hash` and `prevHash`. */
export type HashedEnvelope = Pick<
  RecordedEvent,
  'eventId' | 'type' | 'streamId' | 'streamRevision' | 'occurredAt' | 'recordedAt' | 'data' | 'metadata'
>;

/**
 * SHA-256 over the UTF-8 bytes of `prevHash ‖ JCS(envelope)`, as 64 lower-case hex characters.
 * The object is rebuilt field by field so extra properties of the argument (a whole RecordedEvent,
 * say) never leak into the hash.
 */
export function eventHash(prevHash: string, envelope: HashedEnvelope): string {
  const hashed = {
    eventId: envelope.eventId,
    type: envelope.type,
    streamId: envelope.streamId,
    streamRevision: envelope.streamRevision,
    occurredAt: envelope.occurredAt,
    recordedAt: envelope.recordedAt,
    data: envelope.data,
    metadata: envelope.metadata,
  };
  return createHash('sha256').update(prevHash + canonicalJson(hashed), 'utf8').digest('hex');
}
