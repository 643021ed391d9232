import { DEAD_LETTER_BATCH_BYTES } from '#config';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

/** Where a refused message came from: what an operator needs to find, fix and replay it. */
export interface MessageSource {
  topic: string;
  partition: number;
}

/**
 * The DLQ copy of a refused message (SPEC §5): key, value and the producer's headers unchanged, plus
 * `error` (why) and `source-partition` / `source-offset` (where), and `source-topic` because several
 * deployments may share one DLQ topic name pattern.
 */
export function deadLetter(
  source: MessageSource,
  message: Pick<KafkaMessage, 'key' | 'value' | 'offset' | 'headers'>,
  error: string,
): Message {
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...copyHeaders(message.headers),
      error,
      'source-topic': source.topic,
      'source-partition': String(source.partition),
      'source-offset': message.offset,
    },
  };
}

/** kafkajs hands headers out as Buffers (or arrays of them) and takes the same back. */
function copyHeaders(headers: IHeaders | undefined): IHeaders {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([, value]) => value !== undefined));
}

/** The messages split, in order, into runs of at most `maxBytes` each (a larger message alone). */
export function deadLetterBatches(messages: Message[], maxBytes = DEAD_LETTER_BATCH_BYTES): Message[][] {
  const batches: Message[][] = [];
  let current: Message[] = [];
  let size = 0;
  for (const message of messages) {
    const bytes = messageBytes(message);
    if (current.length > 0 && size + bytes > maxBytes) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(message);
    size += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Key, value and headers, plus a record's framing (about 70 bytes of varints, offsets and CRC). */
function messageBytes(message: Message): number {
  const length = (value: unknown) =>
    value === null || value === undefined ? 0 : Buffer.byteLength(value as Buffer | string);
  let bytes = 70 + length(message.key) + length(message.value);
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    for (const one of Array.isArray(value) ? value : [value])
      bytes += Buffer.byteLength(name) + length(one) + 8;
  }
  return bytes;
}
