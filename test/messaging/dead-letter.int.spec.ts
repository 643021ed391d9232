// Refused messages go to `<topic>.dlq` with why and where (SPEC §5), one DLQ message per refused
// message, and consumption goes on: the valid message behind them is appended.
import { randomUUID } from 'node:crypto';
import { deadLetterTopic, startIngest, type RunningIngest } from '#messaging';
import type { Kafka } from 'kafkajs';
import { anOrderPlaced } from '../../libs/messaging/test/order-messages.js';
import { describeKafka, kafkaClient, uniqueTopic } from '../support/kafka/index.js';
import { produce, readTopic, testKafkaSettings, type ReadMessage } from './support/kafka-io.js';
import { startMessagingDatabase, type MessagingDatabase } from './support/messaging-database.js';
import { waitFor } from './support/wait-for.js';

describeKafka('order messages the ingest refuses', () => {
  const kafka: Kafka = kafkaClient('caseledger-dlq-test');
  // One partition: the messages keep the offsets they were produced with (0, 1, 2, …).
  const settings = testKafkaSettings('dlq', 1);
  const dlq = deadLetterTopic(settings.ordersTopic);
  let db: MessagingDatabase;
  let ingest: RunningIngest;

  const appendedOnce = (eventId: string) =>
    waitFor(
      `${eventId} appended`,
      () => db.store.readEventsById([eventId]),
      (events) => events.length === 1,
      { timeoutMs: 30_000 },
    );
  const deadLetters = (count: number) =>
    waitFor(
      `${count} DLQ messages`,
      () => readTopic(kafka, dlq),
      (m) => m.length >= count,
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  const withoutTopic = ({ partition: _p, ...message }: ReadMessage) => message;

  beforeAll(async () => {
    db = await startMessagingDatabase();
    ingest = await startIngest({
      store: db.store,
      kafka: settings,
      currency: 'USD',
      groupId: uniqueTopic('dlq.group'),
    });
  }, 60_000);

  afterAll(async () => {
    await ingest?.stop();
    await db?.stop();
  });

  it('sends a malformed and a schema-invalid message to the DLQ, one each, and appends the valid one behind them', async () => {
    const malformed = '{"eventId": "5d0c6f7e-0000-4000-8000-000000000001", "type": "OrderPlaced", ';
    const { totalCents: _missing, ...withoutTotal } = anOrderPlaced({ orderId: 'O-NO-TOTAL' });
    const valid = anOrderPlaced({ orderId: 'O-VALID', totalCents: 4321 });
    await produce(kafka, settings.ordersTopic, [
      { key: 'O-MALFORMED', value: malformed, headers: { 'upstream-system': 'shop-eu' } },
      { key: 'O-NO-TOTAL', value: JSON.stringify(withoutTotal) },
      { key: 'O-VALID', value: JSON.stringify(valid) },
    ]);

    const [appended] = await appendedOnce(valid.eventId);
    expect(appended).toMatchObject({
      streamId: 'order-O-VALID',
      streamRevision: 0,
      type: 'OrderPlaced',
      data: { orderId: 'O-VALID', distributorId: 'D-17', totalCents: 4321 },
      metadata: {
        actorId: `kafka:${settings.ordersTopic}`,
        actorRoles: ['integration'],
        correlationId: `${settings.ordersTopic}-0-2`,
        causationId: valid.eventId,
      },
    });
    expect(await db.store.readStream('order-O-NO-TOTAL')).toEqual([]);

    expect((await deadLetters(2)).map(withoutTopic)).toEqual([
      {
        offset: 0,
        key: 'O-MALFORMED',
        value: malformed,
        headers: {
          'upstream-system': 'shop-eu',
          error: expect.stringMatching(/^not JSON: /),
          'source-topic': settings.ordersTopic,
          'source-partition': '0',
          'source-offset': '0',
        },
      },
      {
        offset: 1,
        key: 'O-NO-TOTAL',
        value: JSON.stringify(withoutTotal),
        headers: {
          error: 'schema: totalCents: Required for OrderPlaced',
          'source-topic': settings.ordersTopic,
          'source-partition': '0',
          'source-offset': '1',
        },
      },
    ]);
  }, 60_000);

  it('refuses an unknown type and another currency, naming them, and goes on', async () => {
    const teleported = anOrderPlaced({ orderId: 'O-TELEPORTED', type: 'OrderTeleported' });
    const inEuros = anOrderPlaced({ orderId: 'O-EUR', currency: 'EUR' });
    const inDollars = anOrderPlaced({ orderId: 'O-USD', currency: 'USD' });
    await produce(
      kafka,
      settings.ordersTopic,
      [teleported, inEuros, inDollars].map((m) => ({ key: m.orderId, value: JSON.stringify(m) })),
    );

    await appendedOnce(inDollars.eventId);
    const refused = (await deadLetters(4)).slice(2);
    expect(refused.map((m) => [m.key, m.headers.error, m.headers['source-offset']])).toEqual([
      ['O-TELEPORTED', expect.stringMatching(/^unknown type: "OrderTeleported"/), '3'],
      ['O-EUR', 'wrong currency: "EUR" (this deployment takes USD)', '4'],
    ]);
    expect(await db.store.readEventsById([teleported.eventId, inEuros.eventId])).toEqual([]);
    expect(ingest.status.counts).toEqual({ appended: 2, duplicates: 0, deadLettered: 4 });
  }, 60_000);

  it('refuses a NUL character PostgreSQL could not store, instead of retrying its partition forever', async () => {
    const cancelled = {
      eventId: randomUUID(),
      type: 'OrderCancelled',
      orderId: 'O-NUL',
      occurredAt: '2026-09-02T08:30:00.000Z',
      reason: 'duplicate\u0000order',
    };
    const after = anOrderPlaced({ orderId: 'O-AFTER-NUL' });
    await produce(
      kafka,
      settings.ordersTopic,
      [cancelled, after].map((m) => ({ key: m.orderId, value: JSON.stringify(m) })),
    );

    await appendedOnce(after.eventId);
    const [refused] = (await deadLetters(5)).slice(4);
    expect([refused!.key, refused!.headers.error, refused!.headers['source-offset']]).toEqual([
      'O-NUL',
      expect.stringMatching(/^schema: reason: NUL/),
      '6',
    ]);
    expect(await db.store.readStream('order-O-NUL')).toEqual([]);
  }, 60_000);
});
