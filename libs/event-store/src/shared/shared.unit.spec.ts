import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../event-store.port.js';
import { InvalidEventEnvelope } from '../errors.js';
import { GENESIS_HASH, eventHash } from '../hash-chain/event-hash.js';
import { chainEvents } from './chain-events.js';
import { StreamHeadCache } from './stream-head-cache.js';
import fc from 'fast-check';
import { isIsoMillisUtc, normaliseAppends } from './validate-new-events.js';

const event = (overrides: Partial<NewEvent> = {}): NewEvent => ({
  eventId: randomUUID(),
  type: 'CaseSorted',
  occurredAt: '2026-09-01T08:30:00.000Z',
  data: { caseId: 'c-1' },
  metadata: {
    actorId: 'a',
    actorRoles: [],
    correlationId: 'c',
    causationId: 'c',
    standardsVersion: 1,
    schemaVersion: 1,
  },
  ...overrides,
});

describe('StreamHeadCache', () => {
  it('never goes back to an older revision', () => {
    const cache = new StreamHeadCache();
    cache.remember('s', { revision: 5, hash: 'five' });
    cache.remember('s', { revision: 3, hash: 'three' });
    expect(cache.get('s')).toEqual({ revision: 5, hash: 'five' });
  });

  it('forgets streams unused while `capacity` others were remembered or used', () => {
    const history = () => {
      const cache = new StreamHeadCache(4);
      for (const id of ['a', 'b', 'c', 'd']) cache.remember(id, { revision: 0, hash: id });
      for (const id of ['e', 'f', 'g']) cache.remember(id, { revision: 0, hash: id });
      cache.get('a'); // used: kept past the next turn
      for (const id of ['h', 'i', 'j']) cache.remember(id, { revision: 0, hash: id });
      return cache;
    };
    // A get is a use, so each stream is looked up in a history of its own.
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((id) => history().get(id)?.hash)).toEqual([
      'a',
      undefined,
      undefined,
      undefined,
      'e',
      'f',
      'g',
      'h',
      'i',
      'j',
    ]);
  });

  it('keeps the `capacity` most recently used streams and holds at most twice as many', () => {
    // A get is a use (it may move a stream back), so every probe replays the history on a cache of its own.
    const replayed = () => {
      const cache = new StreamHeadCache(100);
      for (let i = 0; i < 1_000; i++) {
        cache.remember(`s-${i}`, { revision: i, hash: `h-${i}` });
        cache.get('s-0'); // used all along: never forgotten
      }
      return cache;
    };
    expect(replayed().size).toBeLessThanOrEqual(200);
    const mostRecent = ['s-0', ...Array.from({ length: 99 }, (_, k) => `s-${901 + k}`)];
    expect(mostRecent.filter((id) => replayed().get(id) === undefined)).toEqual([]);
    expect(replayed().get('s-0')).toEqual({ revision: 0, hash: 'h-0' });
    expect(replayed().get('s-500')).toBeUndefined();
  });

  it('never goes back to an older revision known only to the older generation', () => {
    const cache = new StreamHeadCache(2);
    cache.remember('s', { revision: 5, hash: 'five' });
    cache.remember('x', { revision: 0, hash: 'x' });
    cache.remember('y', { revision: 0, hash: 'y' }); // 's' is now in the older generation
    cache.remember('s', { revision: 3, hash: 'three' });
    expect(cache.get('s')).toEqual({ revision: 5, hash: 'five' });
  });
});

describe('normaliseAppends', () => {
  it('writes event ids in lower case, as the databases print them', () => {
    const id = randomUUID();
    const [append] = normaliseAppends([
      { streamId: 's', expectedRevision: 'any', events: [event({ eventId: id.toUpperCase() })] },
    ]);
    expect(append!.events[0]!.eventId).toBe(id);
  });

  it.each([
    '2026-09-01T08:30:00Z',
    '2026-09-01T08:30:00.000+00:00',
    '2026-02-30T08:30:00.000Z',
    '2026-09-01 08:30:00.000Z',
  ])('refuses occurredAt %s', (occurredAt) => {
    expect(() =>
      normaliseAppends([{ streamId: 's', expectedRevision: 'any', events: [event({ occurredAt })] }]),
    ).toThrow(InvalidEventEnvelope);
  });

  it('takes an occurredAt exactly when Date writes it back unchanged (any day, hour and month, valid or not)', () => {
    const viaDate = (text: string) => {
      const parsed = new Date(text);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString() === text;
    };
    const two = (n: number) => String(n).padStart(2, '0');
    const stamp = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
      )
      .map(
        ([y, mo, d, h, mi]) =>
          `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(mi)}.${String(mi * 16).padStart(3, '0')}Z`,
      );
    fc.assert(
      fc.property(stamp, (text) => expect(isIsoMillisUtc(text)).toBe(viaDate(text))),
      { numRuns: 20_000 },
    );
    for (const text of [
      '2024-02-29T00:00:00.000Z',
      '2000-02-29T23:59:59.999Z',
      '1900-02-29T00:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
    ]) {
      expect(isIsoMillisUtc(text)).toBe(viaDate(text));
    }
  });

  it('refuses a non-UUID id and the same id twice in one call', () => {
    expect(() =>
      normaliseAppends([
        { streamId: 's', expectedRevision: 'any', events: [event({ eventId: 'order-17' })] },
      ]),
    ).toThrow(InvalidEventEnvelope);
    const twice = event();
    expect(() =>
      normaliseAppends([
        { streamId: 's', expectedRevision: 'any', events: [twice] },
        { streamId: 't', expectedRevision: 'any', events: [twice] },
      ]),
    ).toThrow(InvalidEventEnvelope);
  });
});

describe('chainEvents', () => {
  it('numbers the events after the head and links each hash to the previous one', () => {
    const [first, second] = chainEvents(
      's',
      { revision: 4, hash: 'a'.repeat(64) },
      [event(), event()],
      '2026-09-01T08:30:01.000Z',
    );
    expect([first!.streamRevision, second!.streamRevision]).toEqual([5, 6]);
    expect(first!.prevHash).toBe('a'.repeat(64));
    expect(second!.prevHash).toBe(first!.hash);
    expect(second!.hash).toBe(eventHash(first!.hash, second!));
  });

  it('starts a new stream at revision 0 on the genesis hash', () => {
    const [first] = chainEvents('s', null, [event()], '2026-09-01T08:30:01.000Z');
    expect(first).toMatchObject({ streamRevision: 0, prevHash: GENESIS_HASH });
  });
});
