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
  record(
    events: OrderEventMessage[],
    correlationId: string,
  ): Promise<{ appended: number; duplicates: number }>;
  /**
   * Why the log refuses an append for good (e.g. an eventId already used by another order), or null
   * for trouble that may pass (database down, contention): those are retried, never dead-lettered.
   */
  refusal(error: unknown): string | null;
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
export async function ingestChunk(
  source: MessageSource,
  messages: KafkaMessage[],
  ports: IngestPorts,
): Promise<ChunkOutcome> {
  if (messages.length === 0) throw new Error('ingestChunk needs at least one message');
  const valid: OrderEventMessage[] = [];
  const validMessages: KafkaMessage[] = [];
  const refused: Message[] = [];
  let correlationId: string | undefined;
  for (const message of messages) {
    const decoded = ports.decode(message.value);
    if (decoded.valid) {
      valid.push(decoded.event);
      validMessages.push(message);
      correlationId ??= readFrom(source, message.offset);
    } else {
      refused.push(deadLetter(source, message, decoded.error));
    }
  }
  if (refused.length > 0) await ports.sendToDeadLetters(refused);
  let recorded = { appended: 0, duplicates: 0, deadLettered: 0 };
  if (valid.length > 0) {
    try {
      recorded = { ...(await ports.record(valid, correlationId!)), deadLettered: 0 };
    } catch (error) {
      if (ports.refusal(error) === null) throw error;
      recorded = await oneByOne(source, validMessages, valid, ports);
    }
  }
  return {
    appended: recorded.appended,
    duplicates: recorded.duplicates,
    deadLettered: refused.length + recorded.deadLettered,
    lastOffset: messages.at(-1)!.offset,
  };
}

/**
 * The log refused the chunk for good because of some message in it: append the messages one at a
 * time, in partition order, and send only those the log refuses to the DLQ, so one bad message
 * neither blocks its partition forever nor takes its neighbours down with it. Rare, so the extra
 * round trips do not matter; a transient failure on the way still fails the whole chunk (it comes
 * again, and what was appended meanwhile counts as duplicates).
 */
async function oneByOne(
  source: MessageSource,
  messages: KafkaMessage[],
  events: OrderEventMessage[],
  ports: IngestPorts,
) {
  const totals = { appended: 0, duplicates: 0, deadLettered: 0 };
  for (const [index, event] of events.entries()) {
    const message = messages[index]!;
    try {
      const one = await ports.record([event], readFrom(source, message.offset));
      totals.appended += one.appended;
      totals.duplicates += one.duplicates;
    } catch (error) {
      const reason = ports.refusal(error);
      if (reason === null) throw error;
      await ports.sendToDeadLetters([deadLetter(source, message, `refused by the log: ${reason}`)]);
      totals.deadLettered += 1;
    }
  }
  return totals;
}

/** The correlation id that ties appended events to the Kafka position they were read from. */
function readFrom(source: MessageSource, offset: string): string {
  return `${source.topic}-${source.partition}-${offset}`;
}
