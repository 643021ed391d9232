import type { RecordedEvent } from '../event-store.port.js';
import { canonicalJson } from './canonical-json.js';
import fc from 'fast-check';
import { serialiseChain } from '../shared/chain-events.js';
import { canonicalEnvelope, eventHash, GENESIS_HASH } from './event-hash.js';
import { findChainBreak } from './verify-chain.js';

const metadata = {
  actorId: 'u-7',
  actorRoles: ['correspondent'],
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  standardsVersion: 1,
  schemaVersion: 1,
};

const received: RecordedEvent = {
  eventId: '6f1c2b1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b',
  type: 'ComplaintReceived',
  streamId: 'case-c-1',
  streamRevision: 0,
  globalPosition: 41,
  occurredAt: '2026-09-01T08:30:00.000Z',
  recordedAt: '2026-09-01T08:30:00.123Z',
  data: { subject: 'Größe M fehlt', channel: 'mail', caseId: 'c-1', body: 'Paket kam nicht an' },
  metadata,
  // Computed outside this code base: printf '%s%s' "$(printf '0%.0s' {1..64})" '<the JSON below>' | sha256sum
  hash: '6c44bf0fa262329b877193d17624af12357789e898f895a8792583b03cf014bf',
  prevHash: GENESIS_HASH,
};

const sorted: RecordedEvent = {
  eventId: '0b8e4c52-9f0a-4d6b-b1c3-5e7d9f1a2b3c',
  type: 'CaseSorted',
  streamId: 'case-c-1',
  streamRevision: 1,
  globalPosition: 57,
  occurredAt: '2026-09-01T09:00:00.000Z',
  recordedAt: '2026-09-01T09:00:00.456Z',
  data: { caseId: 'c-1', category: 'shipping', complexity: 2, priority: 'high', sortedBy: 'u-7' },
  metadata: { ...metadata, causationId: 'cmd-2' },
  // sha256sum of the first hash followed by this event's canonical JSON, computed the same way.
  hash: '67f4cf887ceb6d9ec4c05289ca21892f18d22f4763f4ad67641b65c5992fb17d',
  prevHash: '6c44bf0fa262329b877193d17624af12357789e898f895a8792583b03cf014bf',
};

describe('eventHash (SPEC §7)', () => {
  it('canonicalises exactly the envelope without globalPosition, hash and prevHash', () => {
    const { globalPosition: _p, hash: _h, prevHash: _ph, ...envelope } = received;
    expect(canonicalJson(envelope)).toBe(
      '{"data":{"body":"Paket kam nicht an","caseId":"c-1","channel":"mail","subject":"Größe M fehlt"},' +
        '"eventId":"6f1c2b1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b","metadata":{"actorId":"u-7","actorRoles":["correspondent"],' +
        '"causationId":"cmd-1","correlationId":"corr-1","schemaVersion":1,"standardsVersion":1},' +
        '"occurredAt":"2026-09-01T08:30:00.000Z","recordedAt":"2026-09-01T08:30:00.123Z","streamId":"case-c-1",' +
        '"streamRevision":0,"type":"ComplaintReceived"}',
    );
  });

  it('hashes the first event from 64 zeros to the hex sha256sum printed', () => {
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
    expect(eventHash(GENESIS_HASH, received)).toBe(received.hash);
  });

  it('chains the second event on the first one’s hash', () => {
    expect(eventHash(received.hash, sorted)).toBe(sorted.hash);
  });

  it('ignores properties outside the hashed envelope', () => {
    expect(
      eventHash(GENESIS_HASH, { ...received, globalPosition: 999, hash: 'x', extra: 1 } as RecordedEvent),
    ).toBe(received.hash);
  });
});

describe('canonicalEnvelope (the append path writes the envelope by hand)', () => {
  const envelopes = fc.record({
    eventId: fc.uuid(),
    type: fc.string(),
    streamId: fc.string(),
    streamRevision: fc.nat(),
    occurredAt: fc.string(),
    recordedAt: fc.string(),
    data: fc.jsonValue(),
    metadata: fc.jsonValue(),
  });

  it('equals canonicalJson of the whole envelope, for any payloads and field values', () => {
    fc.assert(
      fc.property(envelopes, ({ data, metadata, ...rest }) => {
        expect(canonicalEnvelope(rest, canonicalJson(data), canonicalJson(metadata))).toBe(
          canonicalJson({ ...rest, data, metadata }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('chains to the published hashes and keeps the canonical texts it hashed for storage', () => {
    const [first, second] = serialiseChain(
      'case-c-1',
      null,
      [received, sorted].map(({ eventId, type, occurredAt, data, metadata }) => ({
        eventId,
        type,
        occurredAt,
        data,
        metadata,
      })),
      received.recordedAt,
    );
    expect(first!.event.hash).toBe(received.hash);
    expect(first!.dataJson).toBe(canonicalJson(received.data));
    expect(first!.metadataJson).toBe(canonicalJson(received.metadata));
    // The second event was recorded at another instant in the fixture: chain it on its own.
    const [again] = serialiseChain(
      'case-c-1',
      { revision: 0, hash: received.hash },
      [sorted],
      sorted.recordedAt,
    );
    expect(again!.event).toMatchObject({ streamRevision: 1, prevHash: received.hash, hash: sorted.hash });
    expect(second!.event.prevHash).toBe(received.hash);
  });
});

describe('findChainBreak', () => {
  it('accepts an intact chain', () => {
    expect(findChainBreak([received, sorted])).toBeNull();
  });

  it('names the first edited event', () => {
    const edited = { ...sorted, data: { ...(sorted.data as object), priority: 'low' } };
    expect(findChainBreak([received, edited])).toEqual({
      streamId: 'case-c-1',
      streamRevision: 1,
      reason: 'hash_mismatch',
    });
  });

  it('names a link whose prevHash does not match, and a missing revision', () => {
    expect(findChainBreak([received, { ...sorted, prevHash: GENESIS_HASH }])?.reason).toBe(
      'prev_hash_mismatch',
    );
    expect(findChainBreak([sorted])?.reason).toBe('revision_gap');
  });
});
