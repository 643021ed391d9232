import { randomUUID } from 'node:crypto';
import type { IdempotencyRecord } from '../../src/event-store.port.js';
import { DuplicateEventId, IdempotencyKeyTaken } from '../../src/errors.js';
import { aNewEvent, aStream, revisionsOf, someEvents, type ContractContext } from './contract-context.js';

const aRecord = (): IdempotencyRecord => ({
  key: `staff-7:${randomUUID()}`,
  requestHash: 'a1'.repeat(32),
  answer: { status: 201, body: { caseId: 'c-1', nested: { ok: true } } },
});

export function idempotencyContract(ctx: ContractContext): void {
  describe('idempotent appends by event id', () => {
    it('treats a repeated append (same ids, same stream, same place) as a no-op with the original positions', async () => {
      const streamId = aStream();
      const events = someEvents(2);
      const first = await ctx.store().appendToStream(streamId, events, { expectedRevision: 'no_stream' });
      const again = await ctx.store().appendToStream(streamId, events, { expectedRevision: 'no_stream' });
      expect(first.alreadyLogged).toEqual([]);
      expect(again).toEqual({ ...first, alreadyLogged: events.map((e) => e.eventId) });
      expect(await ctx.store().readStream(streamId)).toHaveLength(2);
    });

    it('repeats an exact-revision append as a no-op even after the stream moved on', async () => {
      const streamId = aStream();
      await ctx.store().appendToStream(streamId, someEvents(1), { expectedRevision: 'no_stream' });
      const retried = someEvents(2);
      const first = await ctx.store().appendToStream(streamId, retried, { expectedRevision: 0 });
      await ctx.store().appendToStream(streamId, someEvents(1), { expectedRevision: 2 });
      const again = await ctx.store().appendToStream(streamId, retried, { expectedRevision: 0 });
      expect(again.events).toEqual(first.events);
      expect(again.globalPosition).toBe(first.globalPosition);
      expect(again.alreadyLogged).toEqual(retried.map((e) => e.eventId));
      expect(revisionsOf(await ctx.store().readStream(streamId))).toEqual([0, 1, 2, 3]);
    });

    it('refuses an id that is already in another stream', async () => {
      const event = aNewEvent();
      await ctx.store().appendToStream(aStream(), [event], { expectedRevision: 'no_stream' });
      const elsewhere = aStream();
      const attempt = ctx.store().appendToStream(elsewhere, [event], { expectedRevision: 'any' });
      await expect(attempt).rejects.toBeInstanceOf(DuplicateEventId);
      await expect(attempt).rejects.toMatchObject({
        code: 'DUPLICATE_EVENT_ID',
        eventId: event.eventId,
        streamId: elsewhere,
      });
      const exact = ctx.store().appendToStream(elsewhere, [event], { expectedRevision: 'no_stream' });
      await expect(exact).rejects.toBeInstanceOf(DuplicateEventId);
      expect(await ctx.store().readStream(elsewhere)).toEqual([]);
    });

    it('with any, skips the ids already in the stream and appends the rest (redelivered upstream batch)', async () => {
      const streamId = aStream('order');
      const [placed, shipped, returned] = someEvents(3);
      const first = await ctx
        .store()
        .appendToStream(streamId, [placed!, shipped!], { expectedRevision: 'any' });
      const redelivered = await ctx
        .store()
        .appendToStream(streamId, [shipped!, returned!], { expectedRevision: 'any' });
      expect(redelivered.events[0]).toEqual(first.events[1]);
      expect(redelivered.events[1]).toMatchObject({
        eventId: returned!.eventId,
        streamRevision: 2,
        prevHash: first.events[1]!.hash,
      });
      expect(redelivered.nextExpectedRevision).toBe(2);
      expect([first.alreadyLogged, redelivered.alreadyLogged]).toEqual([[], [shipped!.eventId]]);
      expect((await ctx.store().readStream(streamId)).map((e) => e.eventId)).toEqual(
        [placed, shipped, returned].map((e) => e!.eventId),
      );
    });

    it('tells, stream by stream, which ids of a partly repeated call were logged before (a redelivered chunk)', async () => {
      const [repeated, fresh] = [aStream('order'), aStream('order')];
      const earlier = someEvents(2);
      await ctx.store().appendToStream(repeated, earlier, { expectedRevision: 'no_stream' });
      const results = await ctx.store().appendToStreams([
        { streamId: repeated, events: earlier, expectedRevision: 'no_stream' },
        { streamId: fresh, events: someEvents(1), expectedRevision: 'no_stream' },
      ]);
      expect(results.map((r) => r.alreadyLogged)).toEqual([earlier.map((e) => e.eventId), []]);
      expect(await ctx.store().readStream(repeated)).toHaveLength(2);
      expect(await ctx.store().readStream(fresh)).toEqual(results[1]!.events);
    });

    it('finds events by id, wherever they are', async () => {
      const [a, b] = someEvents(2);
      await ctx.store().appendToStream(aStream(), [a!], { expectedRevision: 'no_stream' });
      await ctx.store().appendToStream(aStream(), [b!], { expectedRevision: 'no_stream' });
      const found = await ctx.store().readEventsById([b!.eventId, a!.eventId, randomUUID()]);
      expect(found.map((e) => e.eventId)).toEqual([a!.eventId, b!.eventId]);
    });
  });

  describe('idempotency records', () => {
    it('stores the record with the events and fills in where they went', async () => {
      const streamId = aStream();
      const record = aRecord();
      const result = await ctx
        .store()
        .appendToStream(streamId, someEvents(2), { expectedRevision: 'no_stream', idempotency: record });
      expect(await ctx.store().readIdempotency(record.key)).toEqual({
        ...record,
        streamId,
        revision: 1,
        globalPosition: result.globalPosition,
      });
      expect(await ctx.store().readIdempotency(`unknown-${randomUUID()}`)).toBeNull();
    });

    it('refuses a taken key and appends nothing', async () => {
      const record = aRecord();
      await ctx
        .store()
        .appendToStream(aStream(), someEvents(1), { expectedRevision: 'no_stream', idempotency: record });
      const racing = aStream();
      const attempt = ctx.store().appendToStream(racing, someEvents(1), {
        expectedRevision: 'no_stream',
        idempotency: { ...record, requestHash: 'b2'.repeat(32) },
      });
      await expect(attempt).rejects.toBeInstanceOf(IdempotencyKeyTaken);
      await expect(attempt).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_TAKEN', key: record.key });
      expect(await ctx.store().readStream(racing)).toEqual([]);
      expect((await ctx.store().readIdempotency(record.key))?.requestHash).toBe(record.requestHash);
    });

    it('records appendToStreams under one key, pointing at the last stream’s last event', async () => {
      const [first, second] = [aStream(), aStream()];
      const record = aRecord();
      const results = await ctx.store().appendToStreams(
        [
          { streamId: first, events: someEvents(1), expectedRevision: 'no_stream' },
          { streamId: second, events: someEvents(2), expectedRevision: 'no_stream' },
        ],
        { idempotency: record },
      );
      expect(await ctx.store().readIdempotency(record.key)).toMatchObject({
        streamId: second,
        revision: 1,
        globalPosition: results[1]!.globalPosition,
      });
    });
  });
}
