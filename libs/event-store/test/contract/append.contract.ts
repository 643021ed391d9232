import type { ExpectedRevision } from '../../src/event-store.port.js';
import { AppendTooLarge, InvalidEventEnvelope, WrongExpectedRevision } from '../../src/errors.js';
import { MAX_EVENTS_PER_APPEND } from '../../src/event-store.port.js';
import { findChainBreak } from '../../src/hash-chain/verify-chain.js';
import { GENESIS_HASH } from '../../src/hash-chain/event-hash.js';
import {
  aNewEvent,
  aStream,
  asWritten,
  revisionsOf,
  someEvents,
  type ContractContext,
} from './contract-context.js';

const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function appendContract(ctx: ContractContext): void {
  describe('append and read back', () => {
    it('keeps the full envelope and links the events in a valid hash chain', async () => {
      const streamId = aStream();
      const events = someEvents(3);
      const before = Date.now();
      const result = await ctx.store().appendToStream(streamId, events, { expectedRevision: 'no_stream' });
      const after = Date.now();
      const read = await ctx.store().readStream(streamId);

      expect(read.map(asWritten)).toEqual(events.map(asWritten));
      expect(read.map((e) => e.streamId)).toEqual([streamId, streamId, streamId]);
      expect(revisionsOf(read)).toEqual([0, 1, 2]);
      expect(read[0]!.globalPosition).toBeLessThan(read[1]!.globalPosition);
      expect(read[1]!.globalPosition).toBeLessThan(read[2]!.globalPosition);
      for (const event of read) {
        expect(event.recordedAt).toMatch(ISO_MILLIS);
        expect(Date.parse(event.recordedAt)).toBeGreaterThanOrEqual(before);
        expect(Date.parse(event.recordedAt)).toBeLessThanOrEqual(after);
        expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
      }
      expect(read[0]!.prevHash).toBe(GENESIS_HASH);
      expect(findChainBreak(read)).toBeNull();
      expect(result).toEqual({
        streamId,
        nextExpectedRevision: 2,
        globalPosition: read[2]!.globalPosition,
        events: read,
        alreadyLogged: [],
      });
    });

    it('continues the chain across appends', async () => {
      const streamId = aStream();
      await ctx.store().appendToStream(streamId, someEvents(2), { expectedRevision: 'no_stream' });
      await ctx.store().appendToStream(streamId, someEvents(2), { expectedRevision: 1 });
      const read = await ctx.store().readStream(streamId);
      expect(revisionsOf(read)).toEqual([0, 1, 2, 3]);
      expect(read[2]!.prevHash).toBe(read[1]!.hash);
      expect(findChainBreak(read)).toBeNull();
    });

    it('answers an empty append with the stream as it stands', async () => {
      const result = await ctx.store().appendToStream(aStream(), [], { expectedRevision: 'no_stream' });
      expect(result).toMatchObject({ nextExpectedRevision: -1, events: [] });
    });

    it('refuses an occurredAt the hash could not survive, and stores nothing', async () => {
      const streamId = aStream();
      const sloppy = aNewEvent({ occurredAt: '2026-09-01T08:30:00Z' });
      await expect(
        ctx.store().appendToStream(streamId, [sloppy], { expectedRevision: 'any' }),
      ).rejects.toBeInstanceOf(InvalidEventEnvelope);
      expect(await ctx.store().readStream(streamId)).toEqual([]);
    });

    it(`takes ${MAX_EVENTS_PER_APPEND} events in one call and refuses one more over its streams, storing nothing`, async () => {
      const [first, second] = [aStream(), aStream()];
      const full = await ctx
        .store()
        .appendToStream(first, someEvents(MAX_EVENTS_PER_APPEND), { expectedRevision: 'no_stream' });
      expect(full.nextExpectedRevision).toBe(MAX_EVENTS_PER_APPEND - 1);
      const over = ctx.store().appendToStreams([
        { streamId: first, events: someEvents(1), expectedRevision: MAX_EVENTS_PER_APPEND - 1 },
        { streamId: second, events: someEvents(MAX_EVENTS_PER_APPEND), expectedRevision: 'no_stream' },
      ]);
      await expect(over).rejects.toBeInstanceOf(AppendTooLarge);
      expect(await ctx.store().readStream(second)).toEqual([]);
      expect(
        (await ctx.store().readStream(first, { direction: 'backwards', maxCount: 1 }))[0]!.streamRevision,
      ).toBe(MAX_EVENTS_PER_APPEND - 1);
    }, 60_000);
  });

  describe('expected revisions', () => {
    const existing = async () => {
      const streamId = aStream();
      await ctx.store().appendToStream(streamId, someEvents(2), { expectedRevision: 'no_stream' });
      return streamId; // last revision 1
    };
    const append = (streamId: string, expectedRevision: ExpectedRevision) =>
      ctx.store().appendToStream(streamId, [aNewEvent()], { expectedRevision });

    it.each<[string, ExpectedRevision, boolean, number]>([
      ['no_stream on a new stream', 'no_stream', false, 0],
      ['any on a new stream', 'any', false, 0],
      ['any on an existing stream', 'any', true, 2],
      ['stream_exists on an existing stream', 'stream_exists', true, 2],
      ['its last revision on an existing stream', 1, true, 2],
    ])('appends with %s', async (_, expected, exists, revision) => {
      const streamId = exists ? await existing() : aStream();
      const result = await append(streamId, expected);
      expect(result.nextExpectedRevision).toBe(revision);
      expect(revisionsOf(await ctx.store().readStream(streamId)).at(-1)).toBe(revision);
    });

    it.each<[string, ExpectedRevision, boolean, number | 'no_stream']>([
      ['no_stream on an existing stream', 'no_stream', true, 1],
      ['stream_exists on a new stream', 'stream_exists', false, 'no_stream'],
      ['an older revision', 0, true, 1],
      ['a later revision', 5, true, 1],
      ['a revision on a new stream', 0, false, 'no_stream'],
    ])(
      'refuses %s with a typed WrongExpectedRevision, writing nothing',
      async (_, expected, exists, actual) => {
        const streamId = exists ? await existing() : aStream();
        const attempt = append(streamId, expected);
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevision);
        await expect(attempt).rejects.toMatchObject({
          code: 'WRONG_EXPECTED_REVISION',
          streamId,
          expected,
          actual,
        });
        expect(await ctx.store().readStream(streamId)).toHaveLength(exists ? 2 : 0);
      },
    );
  });

  describe('appendToStreams', () => {
    it('appends to several streams, each with its own expectation', async () => {
      const [first, second] = [aStream(), aStream()];
      await ctx.store().appendToStream(second, someEvents(1), { expectedRevision: 'no_stream' });
      const results = await ctx.store().appendToStreams([
        { streamId: first, events: someEvents(2), expectedRevision: 'no_stream' },
        { streamId: second, events: someEvents(1), expectedRevision: 0 },
      ]);
      expect(results.map((r) => [r.streamId, r.nextExpectedRevision])).toEqual([
        [first, 1],
        [second, 1],
      ]);
      // The answer names each event where the log holds it: positions, revisions, hashes.
      const [firstRead, secondRead] = [
        await ctx.store().readStream(first),
        await ctx.store().readStream(second),
      ];
      expect(results[0]!.events).toEqual(firstRead);
      expect(results[1]!.events).toEqual(secondRead.slice(1));
      expect(results.map((r) => r.globalPosition)).toEqual([
        firstRead[1]!.globalPosition,
        secondRead[1]!.globalPosition,
      ]);
      expect(findChainBreak(secondRead)).toBeNull();
    });

    it('stores nothing of the first stream when the second one’s expectation fails', async () => {
      const [first, second] = [aStream(), aStream()];
      const attempt = ctx.store().appendToStreams([
        { streamId: first, events: someEvents(2), expectedRevision: 'no_stream' },
        { streamId: second, events: someEvents(1), expectedRevision: 3 },
      ]);
      await expect(attempt).rejects.toMatchObject({ code: 'WRONG_EXPECTED_REVISION', streamId: second });
      expect(await ctx.store().readStream(first)).toEqual([]);
    });
  });
}
