import { createHash } from 'node:crypto';
import { eventHash, type RecordedEvent } from '#event-store';
import { digestSignatureValid, type LogDigest, type SigningJwk } from './digest.js';
import { EMPTY_LOG_HASH, extendLogHash } from './log-hash.js';

/**
 * Why a digest does not hold for the log:
 * - `unknown_key`: its keyId is not among the keys given;
 * - `signature_invalid`: the signature does not verify (the digest was altered or forged);
 * - `conflicting_digests`: two different digests for one position;
 * - `event_count_mismatch`: the log holds another number of events up to the position (deleted or added);
 * - `log_hash_mismatch`: as many events, but not the same ones, or not in the same order.
 */
export type DigestDivergenceReason =
  'unknown_key' | 'signature_invalid' | 'conflicting_digests' | 'event_count_mismatch' | 'log_hash_mismatch';

export interface DigestDivergence {
  /** The digest's position: the divergence lies after the previous digest's position and up to this one. */
  position: number;
  reason: DigestDivergenceReason;
}

export interface DigestReport {
  ok: boolean;
  digestsChecked: number;
  /** Events folded into the log hash (those up to the last digest). */
  eventsChecked: number;
  firstDivergence?: DigestDivergence;
}

/**
 * SPEC §7.1 verification: recompute the log hash over the events in global-position order, up to
 * each digest's position; count and hash must match, and the signature must verify under the
 * listed key. Each event's hash is recomputed from its content (and its prevHash), not taken from
 * the row, so an edit is seen whether or not the chain was recomputed after it. Stops at the first
 * divergence; reads no further than the last digest.
 */
export async function verifyDigests(
  eventsInPositionOrder: AsyncIterable<RecordedEvent>,
  digests: readonly LogDigest[],
  keys: readonly SigningJwk[],
  onProgress?: (eventsChecked: number) => void,
): Promise<DigestReport> {
  // A key counts only under the keyId its own bytes give: a key list from an untrusted place cannot
  // slip another key in under a genuine keyId.
  const byKey = new Map(keys.filter((k) => keyIdOf(k) === k.kid).map((k) => [k.kid, k]));
  const ordered = [...digests].sort((a, b) => a.position - b.position);
  let checked = 0;
  let eventCount = 0;
  let logHash = EMPTY_LOG_HASH;
  const report = (firstDivergence?: DigestDivergence): DigestReport => ({
    ok: firstDivergence === undefined,
    digestsChecked: firstDivergence ? checked : ordered.length,
    eventsChecked: eventCount,
    ...(firstDivergence ? { firstDivergence } : {}),
  });
  const check = (digest: LogDigest): DigestDivergenceReason | undefined => {
    const previous = ordered[checked - 1];
    checked++;
    const key = byKey.get(digest.keyId);
    if (!key) return 'unknown_key';
    if (!digestSignatureValid(digest, key)) return 'signature_invalid';
    if (
      previous?.position === digest.position &&
      (previous.logHash !== digest.logHash || previous.eventCount !== digest.eventCount)
    )
      return 'conflicting_digests';
    if (eventCount !== digest.eventCount) return 'event_count_mismatch';
    if (logHash !== digest.logHash) return 'log_hash_mismatch';
    return undefined;
  };
  if (ordered.length === 0) return report();
  const last = ordered.at(-1)!.position;
  for await (const event of eventsInPositionOrder) {
    while (checked < ordered.length && ordered[checked]!.position < event.globalPosition) {
      const digest = ordered[checked]!;
      const reason = check(digest);
      if (reason) return report({ position: digest.position, reason });
    }
    if (event.globalPosition > last) break;
    logHash = extendLogHash(logHash, eventHash(event.prevHash, event));
    eventCount++;
    if (onProgress && eventCount % 10_000 === 0) onProgress(eventCount);
  }
  while (checked < ordered.length) {
    const digest = ordered[checked]!;
    const reason = check(digest);
    if (reason) return report({ position: digest.position, reason });
  }
  return report();
}

/** Digests kept outside the system: `GET /audit/digests`' answer ({ digests }), an array, or one digest per line. */
export function parseDigests(text: string): LogDigest[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    parsed = trimmed
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown);
  }
  const list = Array.isArray(parsed)
    ? parsed
    : (parsed as { digests?: unknown }).digests !== undefined
      ? (parsed as { digests: unknown }).digests
      : [parsed];
  if (!Array.isArray(list)) throw new Error('not a list of digests');
  return list.map((d, i) => asDigest(d, i));
}

function asDigest(value: unknown, index: number): LogDigest {
  const d = value as Record<string, unknown>;
  const ok =
    d !== null &&
    typeof d === 'object' &&
    Number.isSafeInteger(d.position) &&
    Number.isSafeInteger(d.eventCount) &&
    typeof d.logHash === 'string' &&
    typeof d.issuedAt === 'string' &&
    typeof d.keyId === 'string' &&
    typeof d.signature === 'string';
  if (!ok)
    throw new Error(
      `digest ${index + 1}: expected { position, eventCount, logHash, issuedAt, keyId, signature }`,
    );
  return d as unknown as LogDigest;
}

function keyIdOf(jwk: Pick<SigningJwk, 'x'>): string {
  return createHash('sha256')
    .update(Buffer.from(jwk.x ?? '', 'base64url'))
    .digest('hex')
    .slice(0, 16);
}
