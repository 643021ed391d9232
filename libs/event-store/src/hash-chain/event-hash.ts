import { hash } from 'node:crypto';
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
 * Only the eight envelope fields are read, so extra properties of the argument (a whole
 * RecordedEvent, say) never leak into the hash.
 */
export function eventHash(prevHash: string, envelope: HashedEnvelope): string {
  return hashWithPrevious(
    prevHash,
    canonicalEnvelope(envelope, canonicalJson(envelope.data), canonicalJson(envelope.metadata)),
  );
}

/** `sha256(prevHash ‖ canonicalEnvelope)` as lower-case hex (one-shot: no Hash object per event). */
export function hashWithPrevious(prevHash: string, canonicalEnvelopeJson: string): string {
  return hash('sha256', prevHash + canonicalEnvelopeJson, 'hex');
}

/**
 * JCS of the hashed envelope from data and metadata already in canonical form, so an append
 * serialises each payload once and stores the same text it hashed. The members are written in RFC
 * 8785 order (UTF-16 code units): data, eventId, metadata, occurredAt, recordedAt, streamId,
 * streamRevision, type; a unit test holds this equal to canonicalJson of the whole envelope.
 */
export function canonicalEnvelope(
  envelope: Omit<HashedEnvelope, 'data' | 'metadata'>,
  dataJson: string,
  metadataJson: string,
): string {
  return (
    `{"data":${dataJson},"eventId":${canonicalJson(envelope.eventId)},"metadata":${metadataJson}` +
    `,"occurredAt":${canonicalJson(envelope.occurredAt)},"recordedAt":${canonicalJson(envelope.recordedAt)}` +
    `,"streamId":${canonicalJson(envelope.streamId)},"streamRevision":${canonicalJson(envelope.streamRevision)},"type":${canonicalJson(envelope.type)}}`
  );
}
