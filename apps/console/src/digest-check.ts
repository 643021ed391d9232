// Checks signed log digests (SPEC §7.1) in the browser with WebCrypto: the log hash recomputed over
// the events' chain hashes in global order, then each digest's count, hash and Ed25519 signature.
// Pure (no DOM): the unit test runs it on Node's WebCrypto against an independently built log.

export interface Digest {
  position: number;
  eventCount: number;
  logHash: string;
  issuedAt: string;
  keyId: string;
  signature: string;
}

export interface SigningKey {
  kty: string;
  crv: string;
  kid: string;
  x: string;
}

export interface ChainedEvent {
  globalPosition: number;
  hash: string;
}

export type EventPages = (after: number) => Promise<{ events: ChainedEvent[]; next: number | null }>;

export interface DigestCheck {
  ok: boolean;
  digestsChecked: number;
  eventsHashed: number;
  firstMismatch?: {
    position: number;
    reason: 'event_count_mismatch' | 'log_hash_mismatch' | 'unknown_key' | 'bad_signature';
  };
}

export const ZERO_HASH = '0'.repeat(64);

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/**
 * RFC 8785 of the five signed members. They are ASCII strings and safe integers, for which
 * JSON.stringify already writes the canonical form; the keys are written in code-unit order.
 */
export function signedText(d: Digest): string {
  return JSON.stringify({
    eventCount: d.eventCount,
    issuedAt: d.issuedAt,
    keyId: d.keyId,
    logHash: d.logHash,
    position: d.position,
  });
}

function base64url(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bytes = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  for (let i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i);
  return out;
}

async function signatureHolds(d: Digest, key: SigningKey): Promise<boolean> {
  const imported = await crypto.subtle.importKey(
    'jwk',
    { kty: key.kty, crv: key.crv, x: key.x },
    { name: 'Ed25519' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify(
    'Ed25519',
    imported,
    base64url(d.signature),
    new TextEncoder().encode(signedText(d)),
  );
}

/**
 * Walks the log once, in global order, and stops at the first digest that does not hold. Digests
 * are checked in position order; `progress(done, total)` after each page (total: the last digest's count).
 */
export async function checkDigests(
  digests: Digest[],
  keys: SigningKey[],
  pages: EventPages,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<DigestCheck> {
  const ordered = [...digests].sort((a, b) => a.position - b.position);
  const total = ordered.length ? ordered[ordered.length - 1].eventCount : 0;
  let logHash = ZERO_HASH;
  let count = 0;
  let index = 0;
  let after: number | null = 0;
  const settle = async (d: Digest): Promise<DigestCheck | null> => {
    const key = keys.find((k) => k.kid === d.keyId);
    const at = (reason: NonNullable<DigestCheck['firstMismatch']>['reason']) => ({
      ok: false,
      digestsChecked: index,
      eventsHashed: count,
      firstMismatch: { position: d.position, reason },
    });
    if (count !== d.eventCount) return at('event_count_mismatch');
    if (logHash !== d.logHash) return at('log_hash_mismatch');
    if (!key) return at('unknown_key');
    if (!(await signatureHolds(d, key))) return at('bad_signature');
    index++;
    return null;
  };
  while (index < ordered.length && after !== null) {
    const page: { events: ChainedEvent[]; next: number | null } = await pages(after);
    for (const event of page.events) {
      while (index < ordered.length && event.globalPosition > ordered[index].position) {
        const failed = await settle(ordered[index]);
        if (failed) return failed;
      }
      if (index >= ordered.length) break;
      logHash = await sha256Hex(logHash + event.hash);
      count++;
    }
    progress(count, total);
    after = page.next;
  }
  // Digests at or past the log's end are judged on what was there.
  while (index < ordered.length) {
    const failed = await settle(ordered[index]);
    if (failed) return failed;
  }
  return { ok: true, digestsChecked: index, eventsHashed: count };
}
