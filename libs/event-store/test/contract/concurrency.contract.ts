import type { EventStore, NewEvent, AppendResult } from '../../src/event-store.port.js';
import { WrongExpectedRevision } from '../../src/errors.js';
import { findChainBreak } from '../../src/hash-chain/verify-chain.js';
import { aNewEvent, aStream, revisionsOf, SLOW_TEST_MS, type ContractContext } from './contract-context.js';

const WRITERS = 32;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A command handler's loop: read the head, append expecting it, on conflict read again. */
async function appendAfterHead(
  store: EventStore,
  streamId: string,
  event: NewEvent,
): Promise<{ result: AppendResult; conflicts: number }> {
  for (let conflicts = 0; ; conflicts++) {
    const [last] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    try {
      const result = await store.appendToStream(streamId, [event], {
        expectedRevision: last ? last.streamRevision : 'no_stream',
      });
      return { result, conflicts };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
    }
  }
}

export function concurrencyContract(ctx: ContractContext): void {
  describe(`${WRITERS} concurrent writers`, () => {
    it(
      'lets exactly one appender win each revision of one stream',
      async () => {
        const streamId = aStream();
        for (const round of range(3)) {
          const expectedRevision = round === 0 ? 'no_stream' : round - 1;
          const outcomes = await Promise.allSettled(
            range(WRITERS).map(() =>
              ctx.store().appendToStream(streamId, [aNewEvent()], { expectedRevision }),
            ),
          );
          const winners = outcomes.filter((o) => o.status === 'fulfilled');
          const losers = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
          expect(winners).toHaveLength(1);
          expect(losers.every((reason) => reason instanceof WrongExpectedRevision)).toBe(true);
        }
        const events = await ctx.store().readStream(streamId);
        expect(revisionsOf(events)).toEqual([0, 1, 2]);
        expect(findChainBreak(events)).toBeNull();
      },
      SLOW_TEST_MS,
    );

    it(
      'lands every writer that retries with exact revisions: contiguous revisions, one chain',
      async () => {
        const streamId = aStream();
        const events = range(WRITERS).map(() => aNewEvent());
        const outcomes = await Promise.all(
          events.map((event) => appendAfterHead(ctx.store(), streamId, event)),
        );
        const stored = await ctx.store().readStream(streamId);
        expect(revisionsOf(stored)).toEqual(range(WRITERS));
        expect(new Set(stored.map((e) => e.eventId))).toEqual(new Set(events.map((e) => e.eventId)));
        expect(findChainBreak(stored)).toBeNull();
        expect(outcomes.reduce((sum, o) => sum + o.conflicts, 0)).toBeGreaterThan(0); // they did collide
      },
      SLOW_TEST_MS,
    );

    it(
      'lands every writer appending with any to one stream',
      async () => {
        const streamId = aStream();
        const events = range(WRITERS).map(() => aNewEvent());
        await Promise.all(
          events.map((event) => ctx.store().appendToStream(streamId, [event], { expectedRevision: 'any' })),
        );
        const stored = await ctx.store().readStream(streamId);
        expect(revisionsOf(stored)).toEqual(range(WRITERS));
        expect(findChainBreak(stored)).toBeNull();
      },
      SLOW_TEST_MS,
    );

    it(
      'lands every writer on its own stream, at distinct global positions',
      async () => {
        const streams = range(WRITERS).map(() => aStream());
        const results = await Promise.all(
          streams.map((streamId) =>
            ctx
              .store()
              .appendToStream(streamId, [aNewEvent(), aNewEvent()], { expectedRevision: 'no_stream' }),
          ),
        );
        expect(results.map((r) => r.nextExpectedRevision)).toEqual(streams.map(() => 1));
        const positions = results.flatMap((r) => r.events.map((e) => e.globalPosition));
        expect(new Set(positions).size).toBe(WRITERS * 2);
        for (const streamId of streams)
          expect(revisionsOf(await ctx.store().readStream(streamId))).toEqual([0, 1]);
      },
      SLOW_TEST_MS,
    );
  });
}
