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
export function deadLetter(source: MessageSource, message: Pick<KafkaMessage, 'key' | 'value' | 'offset' | 'headers'>, error: string): Message {
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
