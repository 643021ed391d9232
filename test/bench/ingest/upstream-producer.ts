import { randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { kafkaClient } from '../../support/kafka/index.js';

/**
 * The upstream order system of the ingest bench, in a process of its own as it would be in
 * production: it does not share the ingest's event loop. `node upstream-producer.js <topic> <count>
 * [warm-up]` prints one JSON line when connected and about to produce ({ totalCents }), and one when
 * the broker has acknowledged every message ({ produced: true }). Warm-up orders are other orders
 * (W-…), placed a month before the measured ones (B-…, on 2026-09-01), so the reports keep them apart.
 */
async function main() {
  const [topic, countText, mode] = process.argv.slice(2);
  const count = Number(countText);
  if (!topic || !Number.isInteger(count) || count < 1)
    throw new Error('usage: upstream-producer <topic> <count> [warm-up]');
  const warmUp = mode === 'warm-up';
  const messages = Array.from({ length: count }, (_, i) => ({
    eventId: randomUUID(),
    type: 'OrderPlaced',
    orderId: `${warmUp ? 'W' : 'B'}-${i}`,
    occurredAt: warmUp ? '2026-08-01T08:30:00.000Z' : '2026-09-01T08:30:00.000Z',
    distributorId: `D-${i % 50}`,
    totalCents: 1000 + ((i * 7919) % 90_000),
  }));
  const records = messages.map((m) => ({ key: m.orderId, value: JSON.stringify(m) }));
  // As an upstream system would: an idempotent producer, 2,000 messages a request.
  const producer = kafkaClient('caseledger-bench-upstream').producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  console.log(JSON.stringify({ totalCents: messages.reduce((sum, m) => sum + m.totalCents, 0) }));
  for (let i = 0; i < records.length; i += 2000)
    await producer.send({ topic, acks: -1, messages: records.slice(i, i + 2000) });
  console.log(JSON.stringify({ produced: true }));
  await producer.disconnect();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
