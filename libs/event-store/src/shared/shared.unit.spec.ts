import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../event-store.port.js';
import { InvalidEventEnvelope } from '../errors.js';
import { GENESIS_HASH, eventHash } from '../hash-chain/event-hash.js';
import { chainEvents } from './chain-events.js';
import { StreamHeadCache } from './stream-head-cache.js';
import { normaliseAppends } from './validate-new-events.js';

const event = (overrides: Partial<NewEvent> = {}): NewEvent => ({
  eventId: randomUUID(),
  type: 'CaseSorted',
  occurredAt: '2026-09-01T08:30:00.000Z',
  data: { caseId: 'c-1' },
  metadata: { actorId: 'a', actorRoles: [], correlationId: 'c', causationId: 'c', standardsVersion: 1, schemaVersion: 1 },
  ...overrides,
});

describe('StreamHeadCache', () => {
  it('never goes back to an older revision', () => {
    const cache = new StreamHeadCache();
    cache.remember('s', { revision: 5, hash: 'five' });
    cache.remember('s', { revision: 3, hash: 'three' });
    expect(cache.get('s')).toEqual({ revision: 5, hash: 'five' });
  });

  it('forgets the least recently used stream first', () => {
    const cache = new StreamHeadCache(2);
    cache.remember('a', { revision: 0, hash: 'a' });
    cache.remember('b', { revision: 0, hash: 'b' });
    cache.get('a');
    cache.remember('c', { revision: 0, hash: 'c' });
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((h) => h?.hash)).toEqual(['a', undefined, 'c']);
  });
});

describe('normaliseAppends', () => {
  it('writes event ids in lower case, as the databases print them', () => {
    const id = randomUUID();
    const [append] = normaliseAppends([{ streamId: 's', expectedRevision: 'any', events: [event({ eventId: id.toUpperCase() })] }]);
    expect(append!.events[0]!.eventId).toBe(id);
  });

  it.each(['2026-09-01T08:30:00Z', '2026-09-01T08:30:00.000+00:00', '2026-02-30T08:30:00.000Z', '2026-09-01 08:30:00.000Z'])(
    'refuses occurredAt %s',
    (occurredAt) => {
      expect(() => normaliseAppends([{ streamId: 's', expectedRevision: 'any', events: [event({ occurredAt })] }])).toThrow(InvalidEventEnvelope);
    },
  );

  it('refuses a non-UUID id and the same id twice in one call', () => {
    expect(() => normaliseAppends([{ streamId: 's', expectedRevision: 'any', events: [event({ eventId: 'order-17' })] }])).toThrow(InvalidEventEnvelope);
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
    const [first, second] = chainEvents('s', { revision: 4, hash: 'a'.repeat(64) }, [event(), event()], '2026-09-01T08:30:01.000Z');
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
