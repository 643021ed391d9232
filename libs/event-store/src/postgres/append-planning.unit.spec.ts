import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent, StreamAppend } from '../event-store.port.js';
import { DuplicateEventId, WrongExpectedRevision } from '../errors.js';
import { lookupNeeds, prepareWrite, resolveConflict } from './append-planning.js';
import type { StreamLookup } from './stream-lookup.js';

const newEvent = (): NewEvent => ({
  eventId: randomUUID(),
  type: 'OrderShipped',
  occurredAt: '2026-09-01T08:30:00.000Z',
  data: { orderId: 'o-1' },
  metadata: {
    actorId: 'upstream',
    actorRoles: [],
    correlationId: 'c',
    causationId: 'c',
    standardsVersion: 1,
    schemaVersion: 1,
  },
});

const logged = (event: NewEvent, streamId: string, streamRevision: number): RecordedEvent => ({
  ...event,
  streamId,
  streamRevision,
  globalPosition: 100 + streamRevision,
  recordedAt: '2026-09-01T08:30:01.000Z',
  hash: String(streamRevision).repeat(64).slice(0, 64),
  prevHash: '0'.repeat(64),
});

const lookup = (heads: RecordedEvent[] = [], known: RecordedEvent[] = []): StreamLookup => ({
  heads: new Map(heads.map((e) => [e.streamId, e])),
  known: new Map(known.map((e) => [e.eventId, e])),
});

const STREAM = 'order-o-1';
const append = (expectedRevision: StreamAppend['expectedRevision'], events = [newEvent()]): StreamAppend => ({
  streamId: STREAM,
  events,
  expectedRevision,
});

describe('lookupNeeds: what an append reads before writing', () => {
  it('reads nothing for no_stream, nor for an exact revision the cache holds', () => {
    expect(lookupNeeds(append('no_stream'), undefined)).toEqual({ head: false, ids: false });
    expect(lookupNeeds(append(4), { revision: 4, hash: 'h' })).toEqual({ head: false, ids: false });
  });

  it('reads the head for an exact revision the cache does not hold, or when no revision is named (with the ids once a write conflicted)', () => {
    expect(lookupNeeds(append(4), { revision: 3, hash: 'h' })).toEqual({ head: true, ids: false });
    expect(lookupNeeds(append('any'), { revision: 3, hash: 'h' })).toEqual({ head: true, ids: false });
    expect(lookupNeeds(append('stream_exists'), undefined)).toEqual({ head: true, ids: false });
    // After a write conflicted, the ids are read: the next attempt skips what is already there.
    expect(lookupNeeds(append('any'), { revision: 3, hash: 'h' }, true)).toEqual({ head: true, ids: true });
    expect(lookupNeeds(append('stream_exists'), undefined, true)).toEqual({ head: true, ids: true });
  });
});

describe('prepareWrite', () => {
  it('chains an exact revision on the cached head without a read', () => {
    const preparation = prepareWrite(append(4), { revision: 4, hash: 'cached' }, lookup());
    expect(preparation).toMatchObject({ kind: 'write', write: { head: { revision: 4, hash: 'cached' } } });
  });

  it('asks for a check when the head read is not the expected one (a conflict, or a repeat)', () => {
    const head = logged(newEvent(), STREAM, 6);
    expect(prepareWrite(append(4), { revision: 6, hash: 'x' }, lookup([head]))).toEqual({ kind: 'check' });
    expect(prepareWrite(append('no_stream'), undefined, lookup([head]))).toEqual({ kind: 'check' });
  });

  it('with any, skips the ids already in this stream and appends the rest after the head', () => {
    const [old, fresh] = [newEvent(), newEvent()];
    const head = logged(old, STREAM, 2);
    const preparation = prepareWrite(append('any', [old, fresh]), undefined, lookup([head], [head]));
    expect(preparation).toMatchObject({
      kind: 'write',
      write: { present: [head], toAppend: [fresh], head: { revision: 2 } },
    });
  });

  it('refuses an id that is in another stream, and stream_exists on a missing stream', () => {
    const event = newEvent();
    expect(() =>
      prepareWrite(append('any', [event]), undefined, lookup([], [logged(event, 'order-o-2', 0)])),
    ).toThrow(DuplicateEventId);
    expect(() => prepareWrite(append('stream_exists'), undefined, lookup())).toThrow(WrongExpectedRevision);
  });
});

describe('resolveConflict: after a unique-key conflict', () => {
  it('settles a repeat whose ids sit exactly where the expectation put them', () => {
    const events = [newEvent(), newEvent()];
    const present = [logged(events[0]!, STREAM, 3), logged(events[1]!, STREAM, 4)];
    const later = logged(newEvent(), STREAM, 9);
    expect(resolveConflict(append(2, events), lookup([later], present))).toEqual({
      kind: 'settled',
      present,
    });
  });

  it('gives the caller its WrongExpectedRevision with the actual revision', () => {
    const head = logged(newEvent(), STREAM, 7);
    const conflict = () => resolveConflict(append(5), lookup([head]));
    expect(conflict).toThrow(WrongExpectedRevision);
    expect(conflict).toThrow(expect.objectContaining({ expected: 5, actual: 7 }));
  });

  it('calls ids at other places of this stream duplicates, not repeats', () => {
    const event = newEvent();
    const head = logged(newEvent(), STREAM, 5);
    expect(() => resolveConflict(append(5, [event]), lookup([head], [logged(event, STREAM, 1)]))).toThrow(
      DuplicateEventId,
    );
  });

  it('retries when the caller named no revision', () => {
    expect(resolveConflict(append('any'), lookup([logged(newEvent(), STREAM, 3)]))).toEqual({
      kind: 'retry',
    });
  });
});
