import fc from 'fast-check';
import { eventHash, findChainBreak, GENESIS_HASH, type RecordedEvent } from '#event-store';
import { verifyChains, type VerificationProgress } from './verify-chains.js';

const metadata = {
  actorId: 'C-2',
  actorRoles: ['correspondent'],
  correlationId: 'corr',
  causationId: 'corr',
  standardsVersion: 1,
  schemaVersion: 1,
};

/** A well-chained stream of `length` events, hashed here with the store's eventHash. */
function aStream(streamId: string, length: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let revision = 0; revision < length; revision++) {
    const envelope = {
      eventId: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
      type: 'GoodwillGranted',
      streamId,
      streamRevision: revision,
      occurredAt: '2026-09-01T08:30:00.000Z',
      recordedAt: '2026-09-01T08:30:00.123Z',
      data: { grantId: `G-${revision}`, amountCents: 1000 + revision, reason: 'Sorry' },
      metadata,
    };
    const hash = eventHash(prevHash, envelope);
    events.push({ ...envelope, globalPosition: revision + 1, hash, prevHash });
    prevHash = hash;
  }
  return events;
}

async function* source(...streams: RecordedEvent[][]): AsyncGenerator<RecordedEvent> {
  for (const stream of streams) yield* stream;
}

const withAmount = (event: RecordedEvent, amountCents: number): RecordedEvent => ({
  ...event,
  data: { ...(event.data as object), amountCents },
});

describe('verifyChains', () => {
  it('passes an intact log and counts its streams and events', async () => {
    expect(
      await verifyChains(source(aStream('case-1', 3), aStream('goodwill-C-2', 5), aStream('standards', 1))),
    ).toEqual({
      ok: true,
      streamsChecked: 3,
      eventsChecked: 9,
    });
  });

  it('names a changed amount as hash_mismatch at that revision, and still counts the whole log', async () => {
    const grants = aStream('goodwill-C-2', 5);
    grants[2] = withAmount(grants[2]!, 99_999);
    expect(await verifyChains(source(aStream('case-1', 2), grants))).toEqual({
      ok: false,
      streamsChecked: 2,
      eventsChecked: 7,
      firstBreak: { streamId: 'goodwill-C-2', streamRevision: 2, reason: 'hash_mismatch' },
    });
  });

  it('names the next link when the forger also recomputed the changed event’s hash', async () => {
    const grants = aStream('goodwill-C-2', 4);
    const forged = withAmount(grants[1]!, 1);
    grants[1] = { ...forged, hash: eventHash(forged.prevHash, forged) };
    expect((await verifyChains(source(grants))).firstBreak).toEqual({
      streamId: 'goodwill-C-2',
      streamRevision: 2,
      reason: 'prev_hash_mismatch',
    });
  });

  it('names a deleted middle event as revision_gap at the first event after the gap', async () => {
    const events = aStream('case-1', 5);
    events.splice(2, 1);
    expect((await verifyChains(source(events))).firstBreak).toEqual({
      streamId: 'case-1',
      streamRevision: 3,
      reason: 'revision_gap',
    });
  });

  it('names a stream whose first events were deleted (it does not start at 0)', async () => {
    const events = aStream('case-1', 3).slice(1);
    expect((await verifyChains(source(events))).firstBreak).toEqual({
      streamId: 'case-1',
      streamRevision: 1,
      reason: 'revision_gap',
    });
  });

  it('reports the first break by stream id in code-point order, then revision, whatever order the streams come in', async () => {
    const lower = aStream('case-a', 4);
    lower[1] = withAmount(lower[1]!, 5);
    const upper = aStream('case-Z', 4); // 'Z' (U+005A) sorts before 'a' (U+0061) by code point, after it in most locales
    upper[3] = withAmount(upper[3]!, 5);
    const report = await verifyChains(source(lower, upper));
    expect(report.firstBreak).toEqual({ streamId: 'case-Z', streamRevision: 3, reason: 'hash_mismatch' });
    expect((await verifyChains(source(upper, lower))).firstBreak).toEqual(report.firstBreak);
  });

  it('reports each stream’s first break only: a later break in the same stream never replaces it', async () => {
    const events = aStream('case-1', 5);
    events[3] = withAmount(events[3]!, 7);
    events.splice(1, 1); // revision 1 deleted: revision 2 is the stream's first break
    expect((await verifyChains(source(events))).firstBreak).toEqual({
      streamId: 'case-1',
      streamRevision: 2,
      reason: 'revision_gap',
    });
  });

  it('tells its progress as it goes and once at the end', async () => {
    const seen: VerificationProgress[] = [];
    await verifyChains(source(aStream('case-1', 5), aStream('case-2', 2)), {
      progressEvery: 3,
      onProgress: (p) => seen.push(p),
    });
    expect(seen).toEqual([
      { streamsChecked: 1, eventsChecked: 3 },
      { streamsChecked: 2, eventsChecked: 6 },
      { streamsChecked: 2, eventsChecked: 7 },
    ]);
  });

  it('answers ok on an empty log', async () => {
    expect(await verifyChains(source())).toEqual({ ok: true, streamsChecked: 0, eventsChecked: 0 });
  });

  it('agrees with findChainBreak (the whole-stream check of libs/event-store) on any tampering of a stream', async () => {
    const tampering = fc.record({
      length: fc.integer({ min: 1, max: 8 }),
      edits: fc.array(
        fc.record({ at: fc.nat(), kind: fc.constantFrom('amount', 'delete', 'prevHash', 'rehash') }),
        { maxLength: 3 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(tampering, async ({ length, edits }) => {
        const events = aStream('case-1', length);
        for (const edit of edits) {
          if (events.length === 0) break;
          const i = edit.at % events.length;
          const event = events[i]!;
          if (edit.kind === 'delete') events.splice(i, 1);
          if (edit.kind === 'amount') events[i] = withAmount(event, edit.at);
          if (edit.kind === 'prevHash') events[i] = { ...event, prevHash: GENESIS_HASH.replace(/^0/, 'f') };
          if (edit.kind === 'rehash')
            events[i] = {
              ...withAmount(event, edit.at),
              hash: eventHash(event.prevHash, withAmount(event, edit.at)),
            };
        }
        const report = await verifyChains(source(events));
        expect(report.firstBreak ?? null).toEqual(findChainBreak(events));
        expect(report.eventsChecked).toBe(events.length);
      }),
      { numRuns: 300 },
    );
  });
});
