import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { checkDigests, type ChainedEvent, type Digest } from '../../apps/console/src/digest-check.js';

// An independent rendering of SPEC §7.1 with node:crypto (not the WebCrypto code under test).
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const jwk = publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
const key = { ...jwk, kid: 'k1' };

const events: ChainedEvent[] = [10, 11, 15, 20, 21].map((globalPosition, i) => ({
  globalPosition,
  hash: sha(`event ${i}`),
}));

function digestAfter(n: number): Digest {
  let logHash = '0'.repeat(64);
  for (const e of events.slice(0, n)) logHash = sha(logHash + e.hash);
  const unsigned = {
    eventCount: n,
    issuedAt: '2026-09-01T08:30:00.000Z',
    keyId: 'k1',
    logHash,
    position: events[n - 1].globalPosition,
  };
  const signature = sign(null, Buffer.from(JSON.stringify(unsigned), 'utf8'), privateKey).toString(
    'base64url',
  );
  return { ...unsigned, signature };
}

/** The log served two events a page, as /audit/events pages by `after`. */
const pagesOf = (log: ChainedEvent[]) => async (after: number) => {
  const rest = log.filter((e) => e.globalPosition > after);
  const events = rest.slice(0, 2);
  return { events, next: rest.length > 2 ? events[events.length - 1].globalPosition : null };
};

describe('checking signed log digests in the console', () => {
  it('accepts digests that cover the log, reporting progress up to the last one', async () => {
    const seen: number[] = [];
    const result = await checkDigests(
      [digestAfter(3), digestAfter(2), digestAfter(5)],
      [key],
      pagesOf(events),
      (done) => seen.push(done),
    );
    expect(result).toEqual({ ok: true, digestsChecked: 3, eventsHashed: 5 });
    expect(seen).toEqual([2, 4, 5]);
  });

  it('names the position of the first digest a rewritten event breaks', async () => {
    const rewritten = events.map((e) => (e.globalPosition === 15 ? { ...e, hash: sha('forged') } : e));
    const result = await checkDigests([digestAfter(2), digestAfter(4)], [key], pagesOf(rewritten));
    expect(result.firstMismatch).toEqual({ position: 20, reason: 'log_hash_mismatch' });
  });

  it('names a deleted event as a count mismatch, a forged signature and an unknown key as such', async () => {
    const deleted = events.filter((e) => e.globalPosition !== 11);
    expect((await checkDigests([digestAfter(3)], [key], pagesOf(deleted))).firstMismatch).toEqual({
      position: 15,
      reason: 'event_count_mismatch',
    });
    const forged = { ...digestAfter(3), signature: digestAfter(2).signature };
    expect((await checkDigests([forged], [key], pagesOf(events))).firstMismatch).toEqual({
      position: 15,
      reason: 'bad_signature',
    });
    expect(
      (await checkDigests([digestAfter(3)], [{ ...key, kid: 'other' }], pagesOf(events))).firstMismatch,
    ).toEqual({ position: 15, reason: 'unknown_key' });
  });
});
