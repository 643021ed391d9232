// Issue 19: order messages a hostile or broken upstream may publish. A message that decodes but the
// log cannot hold goes to the DLQ at decoding — its chunk is still appended in one go, not message
// by message — and a chunk whose refused messages together exceed the DLQ's max.message.bytes is
// dead-lettered in several produce calls instead of holding its partition forever.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { z } from 'zod';
import { orderEventMessage } from '#application';
import { SchemaArbitraries, toJsonText, type Schema } from '../fuzz/schema-arbitraries.js';
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

  it('settles every one of 300 generated payloads — valid, hostile or not JSON — as appended or dead-lettered, never a stuck partition', async () => {
    const seed = process.env.FUZZ_SEED
      ? Number(process.env.FUZZ_SEED)
      : process.env.CI === 'true'
        ? 19
        : Math.floor(Math.random() * 2 ** 31);
    // The schema POST /order-events and the ingest share, as JSON Schema: the same derivation as the HTTP fuzzing.
    const schema = z.toJSONSchema(orderEventMessage('USD'), {
      io: 'input',
      unrepresentable: 'any',
    }) as Schema;
    const arbitraries = new SchemaArbitraries(schema);
    const payload = fc.oneof(
      {
        weight: 2,
        arbitrary: fc
          .constantFrom('O-F1', 'O-F2')
          .map((orderId) => JSON.stringify(anOrderPlaced({ orderId }))),
      },
      { weight: 2, arbitrary: arbitraries.valid(schema).map(toJsonText) },
      { weight: 4, arbitrary: arbitraries.hostile(schema).map(toJsonText) },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes)) },
    );
    const values = fc.sample(payload, { numRuns: 300, seed });
    const startOffset = (await readTopic(kafka, settings.ordersTopic)).length;
    const dlqBefore = (await readTopic(kafka, dlq)).length;
    const sentinel = anOrderPlaced({ orderId: 'O-SENTINEL' });
    await produce(kafka, settings.ordersTopic, [
      ...values.map((value) => ({ key: 'O-FUZZ', value })),
      { key: sentinel.orderId, value: JSON.stringify(sentinel) },
    ]);

    try {
      await appended([sentinel.eventId]);
      const deadLettered = new Set(
        (await readTopic(kafka, dlq)).slice(dlqBefore).map((m) => Number(m.headers['source-offset'])),
      );
      const notDeadLettered = values
        .map((value, i) => ({ value, offset: startOffset + i }))
        .filter(({ offset }) => !deadLettered.has(offset));
      const eventIds = notDeadLettered.map(({ value }) =>
        (JSON.parse(String(value)) as { eventId: string }).eventId.toLowerCase(),
      );
      const stored = new Set((await db.store.readEventsById(eventIds)).map((e) => e.eventId));
      expect(eventIds.filter((id) => !stored.has(id))).toEqual([]);
      expect(deadLettered.size + notDeadLettered.length).toBe(values.length);
      expect(deadLettered.size).toBeGreaterThan(0);
      expect(notDeadLettered.length).toBeGreaterThan(0);
    } catch (error) {
      throw new Error(`Kafka payload fuzzing failed with FUZZ_SEED=${seed}\n${(error as Error).message}`, {
        cause: error,
      });
    }
  }, 120_000);
});
