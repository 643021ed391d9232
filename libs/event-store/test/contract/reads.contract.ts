import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '../../src/event-store.port.js';
import { aNewEvent, aStream, revisionsOf, someEvents, type ContractContext } from './contract-context.js';

export function readsContract(ctx: ContractContext): void {
  describe('readStream', () => {
    let streamId: string;
    beforeAll(async () => {
      streamId = aStream();
      await ctx.store().appendToStream(streamId, someEvents(5), { expectedRevision: 'no_stream' });
    });

    it.each([
      ['forwards by default', {}, [0, 1, 2, 3, 4]],
      ['forwards from a revision', { fromRevision: 2 }, [2, 3, 4]],
      ['forwards, at most maxCount', { fromRevision: 1, maxCount: 2 }, [1, 2]],
      ['backwards from the end', { direction: 'backwards' as const }, [4, 3, 2, 1, 0]],
      [
        'backwards from a revision, at most maxCount',
        { direction: 'backwards' as const, fromRevision: 3, maxCount: 2 },
        [3, 2],
      ],
      ['past the end', { fromRevision: 9 }, []],
    ])('reads %s', async (_, options, revisions) => {
      expect(revisionsOf(await ctx.store().readStream(streamId, options))).toEqual(revisions);
    });

    it('answers [] for a stream that does not exist', async () => {
      expect(await ctx.store().readStream(aStream())).toEqual([]);
      expect(await ctx.store().readStream(aStream(), { direction: 'backwards', maxCount: 1 })).toEqual([]);
    });

    it('reads many streams asked for at once each whole and alone, the same stream twice alike', async () => {
      const streams = Array.from({ length: 130 }, () => aStream()); // more than one statement's worth (PostgreSQL reads 100 together)
      const written = await Promise.all(
        streams.map((id, i) =>
          i % 10 === 9
            ? Promise.resolve([])
            : ctx
                .store()
                .appendToStream(id, someEvents((i % 3) + 1), { expectedRevision: 'no_stream' })
                .then((r) => r.events),
        ),
      );
      const [reads, again] = await Promise.all([
        Promise.all(streams.map((id) => ctx.store().readStream(id))),
        Promise.all(streams.map((id) => ctx.store().readStream(id))),
      ]);
      expect(reads).toEqual(written);
      expect(again).toEqual(written);
      expect(reads[0]).not.toBe(again[0]); // each caller owns its array
    });
  });

  describe('readAll', () => {
    it('pages through the global order with after and maxCount', async () => {
      const start = await ctx.store().headPosition();
      const [left, right] = [aStream(), aStream()];
      const appended = [
        ...(await ctx.store().appendToStream(left, someEvents(2), { expectedRevision: 'no_stream' })).events,
        ...(await ctx.store().appendToStream(right, someEvents(2), { expectedRevision: 'no_stream' })).events,
        ...(await ctx.store().appendToStream(left, someEvents(1), { expectedRevision: 1 })).events,
      ];
      const pages: RecordedEvent[][] = [];
      for (let after = start; ;) {
        const page = await ctx.store().readAll({ after, maxCount: 2 });
        if (page.length === 0) break;
        pages.push(page);
        after = page.at(-1)!.globalPosition;
      }
      const read = pages.flat().filter((e) => e.streamId === left || e.streamId === right);
      expect(read).toEqual(appended);
      expect(pages.every((page) => page.length <= 2)).toBe(true);
      const positions = pages.flat().map((e) => e.globalPosition);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(positions[0]).toBeGreaterThan(start);
      expect(await ctx.store().headPosition()).toBe(appended.at(-1)!.globalPosition);
    });
  });

  describe('readAllFacts', () => {
    it('pages through the same events as readAll, each without its metadata and hash chain but with its schema version', async () => {
      const start = await ctx.store().headPosition();
      const stream = aStream();
      const written = someEvents(3);
      // A reader upcasts by the version each event was written in, not by one for the whole log.
      written[1]!.metadata = { ...written[1]!.metadata, schemaVersion: 2 };
      const appended = (await ctx.store().appendToStream(stream, written, { expectedRevision: 'no_stream' }))
        .events;
      const pages = [await ctx.store().readAllFacts({ after: start, maxCount: 2 })];
      pages.push(await ctx.store().readAllFacts({ after: pages[0]!.at(-1)!.globalPosition, maxCount: 2 }));
      expect(pages.map((page) => page.length)).toEqual([2, 1]);
      expect(pages.flat()).toEqual(
        appended.map((e) => ({
          eventId: e.eventId,
          type: e.type,
          streamId: stream,
          streamRevision: e.streamRevision,
          globalPosition: e.globalPosition,
          occurredAt: e.occurredAt,
          recordedAt: e.recordedAt,
          data: e.data,
          schemaVersion: e.metadata.schemaVersion,
        })),
      );
      expect(pages.flat().map((e) => e.schemaVersion)).toEqual([1, 2, 1]);
      expect(await ctx.store().readAllFacts({ after: appended.at(-1)!.globalPosition })).toEqual([]);
    });
  });

  describe('countEvents', () => {
    it('counts the events in (after, upTo], however far apart their positions, up to the limit', async () => {
      const start = await ctx.store().headPosition();
      const first = await ctx
        .store()
        .appendToStream(aStream(), someEvents(3), { expectedRevision: 'no_stream' });
      const second = await ctx
        .store()
        .appendToStream(aStream(), someEvents(2), { expectedRevision: 'no_stream' });
      const head = second.globalPosition;
      expect(await ctx.store().countEvents({ after: start, upTo: head, limit: 100 })).toBe(5);
      expect(await ctx.store().countEvents({ after: first.globalPosition, upTo: head, limit: 100 })).toBe(2);
      expect(await ctx.store().countEvents({ after: start, upTo: first.globalPosition, limit: 100 })).toBe(3);
      expect(await ctx.store().countEvents({ after: start, upTo: head, limit: 4 })).toBe(4);
      expect(await ctx.store().countEvents({ after: head, upTo: head, limit: 100 })).toBe(0);
    });
  });

  describe('readEventsByCase', () => {
    it('finds a case’s events in every stream that names it, in global order', async () => {
      const caseId = `c-${randomUUID()}`;
      const received = aNewEvent({ data: { caseId, channel: 'mail' } });
      const granted = aNewEvent({
        type: 'GoodwillGranted',
        data: { grantId: randomUUID(), staffId: 'staff-7', caseId, amountCents: 1500 },
      });
      const refunded = aNewEvent({
        type: 'RefundIssued',
        data: { refundId: randomUUID(), orderId: 'o-1', caseId, amountCents: 2500 },
      });
      await ctx.store().appendToStream(`case-${caseId}`, [received], { expectedRevision: 'no_stream' });
      await ctx.store().appendToStream(aStream('goodwill'), [granted], { expectedRevision: 'no_stream' });
      await ctx
        .store()
        .appendToStream(aStream('order'), [aNewEvent(), refunded], { expectedRevision: 'no_stream' });
      const history = await ctx.store().readEventsByCase(caseId);
      expect(history.map((e) => e.eventId)).toEqual([received.eventId, granted.eventId, refunded.eventId]);
    });
  });
}
