import { IngestStatus } from '../ingest/ingest-status.js';
import type { PublisherStatus } from '../publish/publisher-status.js';
import { kafkaHealthContributor } from './kafka-health.js';

const at = () => new Date('2026-09-01T08:30:00.000Z');

/** A publisher status as the database would answer it (its own SQL is covered by the int tests). */
const publisherAt = (position: number): PublisherStatus =>
  ({
    health: async (head: number | null) => ({
      ready: true,
      status: 'active',
      position,
      eventsBehind: Math.max(0, (head ?? 0) - position),
    }),
    metrics: async (head: number) => [
      `caseledger_publisher_lag_events{topic="caseledger.events"} ${head - position}`,
    ],
  }) as unknown as PublisherStatus;

describe('the kafka entry of /health and /metrics', () => {
  it('shows the consumer joining, settling chunks and what it counted', async () => {
    const ingest = new IngestStatus('orders.events', 'caseledger-ingest', at);
    expect(await ingest.health()).toMatchObject({ status: 'starting', partitions: [] });
    ingest.joined([2, 0]);
    ingest.settled({ appended: 998, duplicates: 2, deadLettered: 1, lastOffset: '1000' });
    ingest.settled({ appended: 5, duplicates: 0, deadLettered: 0, lastOffset: '1005' });
    expect(await ingest.health()).toEqual({
      ready: true,
      status: 'consuming',
      topic: 'orders.events',
      groupId: 'caseledger-ingest',
      partitions: [0, 2],
      appended: 1003,
      duplicates: 2,
      deadLettered: 1,
      lastBatchAt: '2026-09-01T08:30:00.000Z',
      lastError: null,
    });
  });

  it('keeps the API ready while the consumer restarts, and says why it does', async () => {
    const ingest = new IngestStatus('orders.events', 'caseledger-ingest', at);
    ingest.joined([0]);
    ingest.failed('KafkaJSNumberOfRetriesExceeded: broker gone');
    expect(await ingest.health()).toMatchObject({
      ready: true,
      status: 'restarting',
      lastError: 'KafkaJSNumberOfRetriesExceeded: broker gone',
    });
    expect(await ingest.metrics()).toContain('caseledger_ingest_consuming 0');
  });

  it('combines consumer status and publisher lag under one name', async () => {
    const ingest = new IngestStatus('orders.events', 'caseledger-ingest', at);
    ingest.joined([0, 1, 2]);
    const kafka = kafkaHealthContributor({ ingest, publisher: publisherAt(90) });
    expect(kafka.name).toBe('kafka');
    expect(await kafka.health(100)).toMatchObject({
      ready: true,
      ingest: { status: 'consuming' },
      publisher: { position: 90, eventsBehind: 10 },
    });
    const metrics = await kafka.metrics(100);
    expect(metrics).toContain('caseledger_ingest_partitions 3');
    expect(metrics).toContain('caseledger_publisher_lag_events{topic="caseledger.events"} 10');
  });

  it('leaves out the part a process does not run', async () => {
    expect(await kafkaHealthContributor({ publisher: publisherAt(5) }).health(5)).toEqual({
      ready: true,
      publisher: expect.any(Object),
    });
  });
});
