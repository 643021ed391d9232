import type { KafkaMessage, Message } from 'kafkajs';
import type { OrderEventMessage } from '#application';
import { deadLetter, type MessageSource } from './dead-letter.js';
import type { DecodedOrderMessage } from './order-message-decoder.js';

/** What a chunk of messages needs from the outside world; the consumer wires Kafka and the store in. */
export interface IngestPorts {
  decode(value: Buffer | null): DecodedOrderMessage;
  /** Resolves once the broker has acknowledged every message (acks=all). */
  sendToDeadLetters(messages: Message[]): Promise<void>;
  /** Appends in one transaction, idempotently by eventId; resolves once it is durable. */
  record(events: OrderEventMessage[], correlationId: string): Promise<{ appended: number; duplicates: number }>;
}

export interface ChunkOutcome {
  appended: number;
  duplicates: number;
  deadLettered: number;
  /** The offset that may be resolved now: the chunk's last, since every message in it is settled. */
  lastOffset: string;
}

/**
 * Settles a run of consecutive messages of one partition: refused ones to the DLQ, valid ones into
 * the log in one append. Only when both have resolved may the caller resolve the last offset; if
 * anything throws, nothing is resolved and the whole run comes again, which the idempotent append
 * absorbs (a DLQ copy may then be sent twice: the DLQ is at least once too).
 */
export async function ingestChunk(source: MessageSource, messages: KafkaMessage[], ports: IngestPorts): Promise<ChunkOutcome> {
  if (messages.length === 0) throw new Error('ingestChunk needs at least one message');
  const valid: OrderEventMessage[] = [];
  const refused: Message[] = [];
  let correlationId: string | undefined;
  for (const message of messages) {
    const decoded = ports.decode(message.value);
    if (decoded.valid) {
      valid.push(decoded.event);
      // Ties the appended events to the Kafka position they were read from (topic-partition-offset).
      correlationId ??= `${source.topic}-${source.partition}-${message.offset}`;
    } else {
      refused.push(deadLetter(source, message, decoded.error));
    }
  }
  if (refused.length > 0) await ports.sendToDeadLetters(refused);
  const recorded = valid.length > 0 ? await ports.record(valid, correlationId!) : { appended: 0, duplicates: 0 };
  return { ...recorded, deadLettered: refused.length, lastOffset: messages.at(-1)!.offset };
}
