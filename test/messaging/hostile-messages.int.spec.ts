// Issue 19: order messages a hostile or broken upstream may publish. A message that decodes but the
// log cannot hold goes to the DLQ at decoding — its chunk is still appended in one go, not message
// by message — and a chunk whose refused messages together exceed the DLQ's max.message.bytes is
// dead-lettered in several produce calls instead of holding its partition forever.
import { randomUUID } from 'node:crypto';
import { deadLetterTopic, startIngest, type RunningIngest } from '#messaging';
import type { Kafka } from 'kafkajs';
import { anOrderPlaced } from '../../libs/messaging/test/order-messages.js';
import { describeKafka, kafkaClient, uniqueTopic } from '../support/kafka/index.js';
import { produce, readTopic, testKafkaSettings } from './support/kafka-io.js';
import { startMessagingDatabase, type MessagingDatabase } from './support/messaging-database.js';
import { waitFor } from './support/wait-for.js';

describeKafka('hostile order messages (issue 19)', () => {
  const kafka: Kafka = kafkaClient('caseledger-hostile-test');
  const settings = testKafkaSettings('hostile', 1);
  const dlq = deadLetterTopic(settings.ordersTopic);
  let db: MessagingDatabase;
  let ingest: RunningIngest;

  const appended = (eventIds: string[]) =>
    waitFor(
      `${eventIds.length} appended`,
      () => db.store.readEventsById(eventIds),
      (events) => events.length === eventIds.length,
      { timeoutMs: 30_000 },
    );
  const deadLetters = (count: number) =>
    waitFor(
      `${count} DLQ messages`,
      () => readTopic(kafka, dlq),
      (m) => m.length >= count,
      { timeoutMs: 30_000, intervalMs: 200 },
    );

  beforeAll(async () => {
    db = await startMessagingDatabase();
    // The upstream topic takes messages up to 4 MiB; the DLQ keeps the broker's default (1 MiB).
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: settings.ordersTopic,
          numPartitions: 1,
          replicationFactor: 1,
          configEntries: [{ name: 'max.message.bytes', value: String(4 * 1024 * 1024) }],
        },
      ],
    });
    await admin.disconnect();
    ingest = await startIngest({
      store: db.store,
      kafka: settings,
      currency: 'USD',
      groupId: uniqueTopic('hostile.group'),
    });
  }, 60_000);

  afterAll(async () => {
    await ingest?.stop();
    await db?.stop();
  });

  it('sends a lone surrogate and a 1e400 to the DLQ at decoding, and appends the rest of the chunk in one append', async () => {
    const surrogate = JSON.stringify({
      eventId: randomUUID(),
      type: 'OrderCancelled',
      orderId: 'O-SURROGATE',
      occurredAt: '2026-09-02T08:30:00.000Z',
      reason: 'x',
    }).replace('"reason":"x"', '"reason":"dup\\ud800"');
    const infinite = JSON.stringify(anOrderPlaced({ orderId: 'O-INFINITE', totalCents: 100 })).replace(
      '"totalCents":100',
      '"totalCents":1e400',
    );
    const first = anOrderPlaced({ orderId: 'O-FIRST' });
    const second = anOrderPlaced({ orderId: 'O-SECOND' });
    await produce(kafka, settings.ordersTopic, [
      { key: 'O-SURROGATE', value: surrogate },
      { key: 'O-INFINITE', value: infinite },
      { key: 'O-FIRST', value: JSON.stringify(first) },
      { key: 'O-SECOND', value: JSON.stringify(second) },
    ]);

    const events = await appended([first.eventId, second.eventId]);
    // One append for the chunk: both carry the correlation id of the chunk's first valid message.
    expect(events.map((e) => e.metadata.correlationId)).toEqual([
      `${settings.ordersTopic}-0-2`,
      `${settings.ordersTopic}-0-2`,
    ]);
    expect((await deadLetters(2)).map((m) => [m.key, m.headers.error])).toEqual([
      ['O-SURROGATE', 'not storable: reason: Contains a lone UTF-16 surrogate, which is not text'],
      ['O-INFINITE', 'not storable: totalCents: A number too large to represent'],
    ]);
    expect(await db.store.readStream('order-O-SURROGATE')).toEqual([]);
  }, 60_000);

  it('dead-letters refused messages larger together than the DLQ takes in one request, and goes on', async () => {
    const large = (i: number) => ({
      key: `O-LARGE-${i}`,
      value: JSON.stringify({ ...anOrderPlaced({ orderId: `O-LARGE-${i}` }), note: 'x'.repeat(400 * 1024) }),
    });
    const behind = anOrderPlaced({ orderId: 'O-BEHIND-LARGE' });
    // One produce call: one record batch of ~1.6 MiB, fetched and settled as one chunk.
    await produce(kafka, settings.ordersTopic, [
      ...[1, 2, 3, 4].map(large),
      { key: behind.orderId, value: JSON.stringify(behind) },
    ]);

    await appended([behind.eventId]);
    const refused = (await deadLetters(6)).slice(2);
    expect(refused.map((m) => [m.key, m.headers.error?.slice(0, 16), m.value?.length])).toEqual(
      [1, 2, 3, 4].map((i) => [`O-LARGE-${i}`, 'schema: (message', large(i).value.length]),
    );
  }, 90_000);
});
