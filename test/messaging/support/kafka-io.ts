import { Partitioners, type Admin, type Kafka, type Message } from 'kafkajs';
import type { KafkaSettings } from '#messaging';
import type { OrderMessage } from '../../../libs/messaging/test/order-messages.js';
import { kafkaBrokers, uniqueTopic } from '../../support/kafka/index.js';

/** Fresh topics for one test: nothing left over from another run or file can leak in. */
export function testKafkaSettings(prefix: string, partitions = 3): KafkaSettings {
  return {
    brokers: kafkaBrokers(),
    ordersTopic: uniqueTopic(`${prefix}.orders`),
    eventsTopic: uniqueTopic(`${prefix}.events`),
    partitions,
    replicationFactor: 1,
  };
}

/** As an upstream system publishes them: keyed by orderId (SPEC §5). */
export const asRecords = (messages: OrderMessage[]): Message[] =>
  messages.map((m) => ({ key: m.orderId, value: JSON.stringify(m) }));

/**
 * Produces in chunks with an idempotent producer. A chunk that fails (the broker going down under
 * a broker-restart test) is sent again by a new producer until `deadlineMs`: the topic may then
 * hold a message twice, as an upstream retry would, which the ingest must absorb anyway.
 */
export async function produce(
  kafka: Kafka,
  topic: string,
  records: Message[],
  { chunk = 1000, deadlineMs = 90_000 } = {},
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  let next = 0;
  while (next < records.length) {
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    try {
      await producer.connect();
      for (; next < records.length; next += chunk)
        await producer.send({ topic, acks: -1, messages: records.slice(next, next + chunk) });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
  }
}

export interface ReadMessage {
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Everything in `topic` up to its current end, per partition in offset order, read by a throw-away group. */
export async function readTopic(kafka: Kafka, topic: string, timeoutMs = 30_000): Promise<ReadMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const expected = ends.reduce((sum, p) => sum + (Number(p.high) - Number(p.low)), 0);
  const received: ReadMessage[] = [];
  if (expected === 0) return received;
  const consumer = kafka.consumer({ groupId: uniqueTopic('reader'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${received.length} of ${expected} messages of ${topic}`)),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            received.push({
              partition,
              offset: Number(message.offset),
              key: message.key?.toString() ?? null,
              value: message.value?.toString() ?? null,
              headers: Object.fromEntries(
                Object.entries(message.headers ?? {}).map(([name, v]) => [name, String(v)]),
              ),
            });
            if (received.length >= expected) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return received.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

/** Whether the group has committed every partition of `topic` up to its end (all settled). */
export async function groupCaughtUp(admin: Admin, groupId: string, topic: string): Promise<boolean> {
  const [ends, [committed]] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.fetchOffsets({ groupId, topics: [topic] }),
  ]);
  return ends.every(
    (end) => committed!.partitions.find((p) => p.partition === end.partition)?.offset === end.high,
  );
}
