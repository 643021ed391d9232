import type { EventFacts } from '#event-store';
import { recorded } from '../../test/recorded-event.js';
import { ReadAhead } from './read-ahead.js';

/** A log of positions 1..n whose reads are recorded. */
function fakeLog(n: number) {
  const reads: number[] = [];
  const events = Array.from({ length: n }, (_, i) =>
    recorded('SatisfactionRecorded', {}, { position: i + 1 }),
  );
  const store = {
    readAllFacts: async ({
      after = 0,
      maxCount = Infinity,
    }: {
      after?: number;
      maxCount?: number;
    }): Promise<EventFacts[]> => {
      reads.push(after);
      return events.filter((e) => e.globalPosition > after).slice(0, maxCount);
    },
  };
  return { store, reads };
}

describe('reading the log ahead', () => {
  it('starts reading the next batch as soon as a full one is handed over, and hands that one over next', async () => {
    const { store, reads } = fakeLog(25);
    const log = new ReadAhead(store, 10);
    expect((await log.batchAfter(0)).map((e) => e.globalPosition)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(reads).toEqual([0, 10]);
    expect((await log.batchAfter(10))[0].globalPosition).toBe(11);
    expect(await log.batchAfter(20)).toHaveLength(5);
    expect(reads).toEqual([0, 10, 20]); // nothing read ahead after a partial batch
  });

  it('drops the read ahead when the caller moves elsewhere (its checkpoint moved)', async () => {
    const { store, reads } = fakeLog(30);
    const log = new ReadAhead(store, 10);
    await log.batchAfter(0);
    expect((await log.batchAfter(3))[0].globalPosition).toBe(4);
    expect(reads).toEqual([0, 10, 3, 13]);
  });
});
