// Smoke test of the real broker (infra/kafka): 1,000 JSON messages through an idempotent producer
// and a consumer group, all back in order with their keys and headers.
import { Partitioners, type Admin, type Consumer, type Producer } from 'kafkajs';
import { createTopics, deleteTopics, describeKafka, kafkaClient, uniqueTopic } from './index.js';

const COUNT = 1000;

describeKafka('Kafka broker (infra/kafka)', () => {
  const kafka = kafkaClient('caseledger-kafka-smoke');
  const topic = uniqueTopic('smoke.orders-events');
  let admin: Admin;
  let producer: Producer | undefined;
  let consumer: Consumer | undefined;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await createTopics(admin, [topic]);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await consumer?.disconnect();
    if (admin) {
      await deleteTopics(admin, [topic]);
      await admin.disconnect();
    }
  });

  it(`round-trips ${COUNT} JSON messages in order with keys and headers`, async () => {
    producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    const sent = Array.from({ length: COUNT }, (_, seq) => ({
      key: `order-${seq % 17}`,
      value: { eventId: `evt-${seq}`, type: 'OrderPlaced', orderId: `order-${seq % 17}`, seq },
      headers: { type: 'OrderPlaced', 'event-id': `evt-${seq}` },
    }));
    for (let i = 0; i < COUNT; i += 250) {
      await producer.send({
        topic,
        acks: -1,
        messages: sent.slice(i, i + 250).map((m) => ({ ...m, value: JSON.stringify(m.value) })),
      });
    }

    consumer = kafka.consumer({ groupId: `${topic}.group`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: { key: string; value: unknown; headers: Record<string, string>; offset: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${received.length}/${COUNT} arrived`)), 30_000);
      consumer!
        .run({
          eachMessage: async ({ message }) => {
            received.push({
              key: message.key!.toString(),
              value: JSON.parse(message.value!.toString()),
              headers: Object.fromEntries(
                Object.entries(message.headers ?? {}).map(([name, v]) => [name, String(v)]),
              ),
              offset: message.offset,
            });
            if (received.length === COUNT) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });

    expect(received).toHaveLength(COUNT);
    expect(received.map((m) => m.offset)).toEqual(sent.map((_, i) => String(i)));
    expect(received.map(({ key, value, headers }) => ({ key, value, headers }))).toEqual(sent);
  }, 60_000);
});
