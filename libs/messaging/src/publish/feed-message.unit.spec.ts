import type { RecordedEvent } from '#event-store';
import { feedMessage } from './feed-message.js';

const recorded: RecordedEvent = {
  eventId: '0b4f2c1e-8d3a-4f5b-9c6d-7e8f9a0b1c2d',
  type: 'OrderPlaced',
  streamId: 'order-O-1001',
  streamRevision: 0,
  globalPosition: 42,
  occurredAt: '2026-09-01T08:30:00.000Z',
  recordedAt: '2026-09-01T08:30:01.250Z',
  data: { orderId: 'O-1001', distributorId: 'D-17', totalCents: 12900 },
  metadata: {
    actorId: 'kafka:orders.events',
    actorRoles: ['integration'],
    correlationId: 'orders.events-0-17',
    causationId: '0b4f2c1e-8d3a-4f5b-9c6d-7e8f9a0b1c2d',
    standardsVersion: 1,
    schemaVersion: 1,
  },
  hash: 'a'.repeat(64),
  prevHash: '0'.repeat(64),
};

describe('an event of the log on caseledger.events', () => {
  it('is keyed by its stream, so a stream stays on one partition and in order', () => {
    expect(feedMessage(recorded).key).toBe('order-O-1001');
  });

  it('carries its type and id as headers, for routing and dedupe without parsing', () => {
    expect(feedMessage(recorded).headers).toEqual({ type: 'OrderPlaced', 'event-id': recorded.eventId });
  });

  it('carries the whole §3 envelope as JSON, in the spec’s field order', () => {
    const value = String(feedMessage(recorded).value);
    expect(JSON.parse(value)).toEqual(recorded);
    expect(Object.keys(JSON.parse(value))).toEqual([
      'eventId',
      'type',
      'streamId',
      'streamRevision',
      'globalPosition',
      'occurredAt',
      'recordedAt',
      'data',
      'metadata',
      'hash',
      'prevHash',
    ]);
  });

  it('leaves out anything an adapter may add beyond the envelope', () => {
    const value = JSON.parse(String(feedMessage({ ...recorded, internalRowId: 9 } as RecordedEvent).value));
    expect(value).not.toHaveProperty('internalRowId');
  });
});
