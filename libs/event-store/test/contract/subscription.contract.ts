import type { RecordedEvent } from '../../src/event-store.port.js';
import { aStream, nextWithin, someEvents, SLOW_TEST_MS, type ContractContext } from './contract-context.js';

/** Live delivery must be prompt: a wake-up, not the next poll of a slow timer. */
const LIVE_WITHIN_MS = 2_000;

async function take(
  iterator: AsyncIterator<RecordedEvent>,
  streamId: string,
  count: number,
): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  while (taken.length < count) {
    const next = await nextWithin(iterator, LIVE_WITHIN_MS * 2);
    if (next.done) throw new Error('subscription ended early');
    if (next.value.streamId === streamId) taken.push(next.value);
  }
  return taken;
}

export function subscriptionContract(ctx: ContractContext): void {
  describe('subscribeToAll', () => {
    it(
      'catches up, follows live, ends on abort, and resumes after a checkpoint in a restarted store',
      async () => {
        const streamId = aStream();
        const store = await ctx.harness().open();
        const start = await store.headPosition();
        const caughtUp = (
          await store.appendToStream(streamId, someEvents(2), { expectedRevision: 'no_stream' })
        ).events;

        const controller = new AbortController();
        const subscription = store.subscribeToAll({ after: start, signal: controller.signal });
        const iterator = subscription[Symbol.asyncIterator]();
        expect(await take(iterator, streamId, 2)).toEqual(caughtUp);

        const sentAt = Date.now();
        const live = (await store.appendToStream(streamId, someEvents(2), { expectedRevision: 1 })).events;
        expect(await take(iterator, streamId, 2)).toEqual(live);
        expect(Date.now() - sentAt).toBeLessThan(LIVE_WITHIN_MS);

        controller.abort();
        expect((await nextWithin(iterator, 1_000)).done).toBe(true);
        await store.close();

        // A consumer that processed up to the third event restarts with a new store (a new process).
        const restarted = await ctx.harness().open();
        try {
          const resumedSubscription = restarted.subscribeToAll({ after: live[0]!.globalPosition });
          const resumed = resumedSubscription[Symbol.asyncIterator]();
          expect(await take(resumed, streamId, 1)).toEqual([live[1]]);
          await resumed.return?.();
        } finally {
          await restarted.close();
        }
      },
      SLOW_TEST_MS,
    );

    it(
      'wakes a subscriber in another store (another process) promptly',
      async () => {
        const streamId = aStream();
        const [listening, writing] = [await ctx.harness().open(), await ctx.harness().open()];
        try {
          const subscription = listening.subscribeToAll({ after: await writing.headPosition() });
          const iterator = subscription[Symbol.asyncIterator]();
          const waiting = take(iterator, streamId, 1);
          await new Promise((resolve) => setTimeout(resolve, 300)); // let it catch up and go idle
          const sentAt = Date.now();
          const [event] = (
            await writing.appendToStream(streamId, someEvents(1), { expectedRevision: 'no_stream' })
          ).events;
          expect(await waiting).toEqual([event]);
          expect(Date.now() - sentAt).toBeLessThan(LIVE_WITHIN_MS);
          await iterator.return?.();
        } finally {
          await Promise.all([listening.close(), writing.close()]);
        }
      },
      SLOW_TEST_MS,
    );
  });
}
