import { deadLetterBatches } from './dead-letter.js';
import type { Message } from 'kafkajs';
import type { OrderEventMessage } from '#application';
import { anOrderPlaced, consumed } from '../../test/order-messages.js';
import { ingestChunk, type IngestPorts } from './ingest-chunk.js';
import { orderMessageDecoder } from './order-message-decoder.js';

const source = { topic: 'orders.events', partition: 2 };

/** Ports that record what the chunk asked for; `fail` makes one of them throw. */
class Refused extends Error {}

function recordingPorts(fail: { deadLetters?: boolean; record?: boolean; refuse?: string } = {}) {
  const deadLetters: Message[] = [];
  const recorded: { events: OrderEventMessage[]; correlationId: string }[] = [];
  const ports: IngestPorts = {
    decode: orderMessageDecoder('USD'),
    sendToDeadLetters: async (messages) => {
      if (fail.deadLetters) throw new Error('broker gone');
      deadLetters.push(...messages);
    },
    record: async (events, correlationId) => {
      if (fail.record) throw new Error('database gone');
      if (fail.refuse && events.some((e) => e.eventId === fail.refuse))
        throw new Refused(`event ${fail.refuse} is already in another stream`);
      recorded.push({ events, correlationId });
      return { appended: events.length - 1, duplicates: 1 };
    },
    refusal: (error) => (error instanceof Refused ? error.message : null),
  };
  return { ports, deadLetters, recorded };
}

const headersOf = (message: Message) =>
  Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));

describe('settling a chunk of order messages', () => {
  const first = anOrderPlaced({ orderId: 'O-1' });
  const second = anOrderPlaced({ orderId: 'O-2' });
  const chunk = [
    consumed(JSON.stringify(first), 40, 'O-1'),
    consumed('not json at all', 41, 'O-x', { 'trace-id': Buffer.from('t-9') }),
    consumed(JSON.stringify({ ...second, type: 'OrderTeleported' }), 42, 'O-2'),
    consumed(JSON.stringify(second), 43, 'O-2'),
  ];

  it('appends the valid messages in one call, in partition order, correlated to where the first was read', async () => {
    const { ports, recorded } = recordingPorts();
    await ingestChunk(source, chunk, ports);
    expect(recorded).toEqual([{ events: [first, second], correlationId: 'orders.events-2-40' }]);
  });

  it('sends each refused message to the DLQ with its key, value, headers and why and where it came from', async () => {
    const { ports, deadLetters } = recordingPorts();
    await ingestChunk(source, chunk, ports);
    expect(deadLetters.map((m) => [String(m.key), String(m.value)])).toEqual([
      ['O-x', 'not json at all'],
      ['O-2', JSON.stringify({ ...second, type: 'OrderTeleported' })],
    ]);
    expect(headersOf(deadLetters[0]!)).toEqual({
      'trace-id': 't-9',
      error: expect.stringMatching(/^not JSON: /),
      'source-topic': 'orders.events',
      'source-partition': '2',
      'source-offset': '41',
    });
    expect(headersOf(deadLetters[1]!)).toMatchObject({
      error: expect.stringMatching(/^unknown type: "OrderTeleported"/),
      'source-offset': '42',
    });
  });

  it('reports the counts and the last offset, which is now safe to resolve', async () => {
    const { ports } = recordingPorts();
    expect(await ingestChunk(source, chunk, ports)).toEqual({
      appended: 1,
      duplicates: 1,
      deadLettered: 2,
      lastOffset: '43',
    });
  });

  it('skips the append when every message is refused, and still settles the chunk', async () => {
    const { ports, recorded } = recordingPorts();
    const outcome = await ingestChunk(source, [consumed('{', 7), consumed('[]', 8)], ports);
    expect(recorded).toEqual([]);
    expect(outcome).toEqual({ appended: 0, duplicates: 0, deadLettered: 2, lastOffset: '8' });
  });

  it('does not touch the DLQ when every message is valid', async () => {
    const { ports, deadLetters } = recordingPorts();
    await ingestChunk(source, [consumed(JSON.stringify(first), 5)], ports);
    expect(deadLetters).toEqual([]);
  });

  it('fails, settling nothing, when the DLQ cannot be written: the chunk will be redelivered', async () => {
    const { ports, recorded } = recordingPorts({ deadLetters: true });
    await expect(ingestChunk(source, chunk, ports)).rejects.toThrow('broker gone');
    expect(recorded).toEqual([]);
  });

  it('sends a message the log refuses for good to the DLQ and appends its neighbours one by one, in order', async () => {
    const { ports, recorded, deadLetters } = recordingPorts({ refuse: second.eventId });
    const third = anOrderPlaced({ orderId: 'O-3' });
    const outcome = await ingestChunk(
      source,
      [
        consumed(JSON.stringify(first), 50),
        consumed(JSON.stringify(second), 51),
        consumed(JSON.stringify(third), 52),
      ],
      ports,
    );
    expect(recorded).toEqual([
      { events: [first], correlationId: 'orders.events-2-50' },
      { events: [third], correlationId: 'orders.events-2-52' },
    ]);
    expect(deadLetters.map((m) => String(m.value))).toEqual([JSON.stringify(second)]);
    expect(headersOf(deadLetters[0]!)).toMatchObject({
      error: `refused by the log: event ${second.eventId} is already in another stream`,
      'source-partition': '2',
      'source-offset': '51',
    });
    expect(outcome).toMatchObject({ deadLettered: 1, lastOffset: '52' });
  });

  it('fails when the append fails, so its offset is never resolved', async () => {
    const { ports } = recordingPorts({ record: true });
    await expect(ingestChunk(source, chunk, ports)).rejects.toThrow('database gone');
  });
});

describe('dead-letter batches', () => {
  const message = (bytes: number) => ({
    key: 'k',
    value: Buffer.alloc(bytes),
    headers: { error: 'schema: x' },
  });

  it('splits refused messages, in order, into produce calls under the byte budget', () => {
    const messages = [message(400), message(400), message(400), message(100)];
    const batches = deadLetterBatches(messages, 1000);
    expect(batches.map((b) => b.length)).toEqual([2, 2]);
    expect(batches.flat()).toEqual(messages);
  });

  it('sends a message larger than the budget alone, and 40 messages of 100 KiB in five calls under 900 KiB', () => {
    expect(deadLetterBatches([message(10), message(5000), message(10)], 1000).map((b) => b.length)).toEqual([
      1, 1, 1,
    ]);
    const big = Array.from({ length: 40 }, () => message(100 * 1024));
    const batches = deadLetterBatches(big);
    expect(batches.map((b) => b.length)).toEqual([8, 8, 8, 8, 8]);
  });
});
