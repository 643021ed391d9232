import { Partitioners, type Consumer, type EachBatchPayload, type Kafka, type Producer } from 'kafkajs';
import { BROKER_RETRY } from '../kafka/kafka-settings.js';
import { describeError, type FollowerLogger } from '#event-store';
import { deadLetterBatches } from './dead-letter.js';
import { ingestChunk, type IngestPorts } from './ingest-chunk.js';
import type { IngestStatus } from './ingest-status.js';

export interface IngestConsumerOptions {
  topic: string;
  deadLetterTopic: string;
  groupId: string;
  /** Messages per append (one transaction). */
  chunkSize: number;
  partitionsConsumedConcurrently: number;
  sessionTimeoutMs: number;
}

type Ports = Omit<IngestPorts, 'sendToDeadLetters'>;

/**
 * One kafkajs consumer of the orders topic in the ingest group, with its DLQ producer. Offsets are
 * resolved by hand, chunk by chunk, only once the chunk is in the log and its refused messages are
 * on the DLQ; kafkajs commits resolved offsets only (after each chunk and when the batch ends), so
 * a crash anywhere means those messages come again, never that they are skipped.
 */
export class IngestConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  /** Settles when kafkajs gives up on this consumer (a crash it will not restart from). */
  readonly crashed: Promise<Error>;

  constructor(
    kafka: Kafka,
    private readonly options: IngestConsumerOptions,
    private readonly ports: Ports,
    private readonly status: IngestStatus,
    private readonly logger: FollowerLogger,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      // A replica that dies without leaving (SIGKILL, lost host) holds its partitions until this
      // expires: short enough that a restart or another replica resumes promptly.
      sessionTimeout: options.sessionTimeoutMs,
      heartbeatInterval: Math.max(500, Math.floor(options.sessionTimeoutMs / 5)),
      maxWaitTimeInMs: 250,
      retry: BROKER_RETRY,
    });
    // Idempotent: a retried DLQ send is not written twice by the broker.
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: BROKER_RETRY,
    });
    const { GROUP_JOIN, CRASH } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, ({ payload }) => {
      const partitions = payload.memberAssignment[options.topic] ?? [];
      this.status.joined(partitions);
      this.logger.info(
        { topic: options.topic, groupId: options.groupId, partitions },
        'joined the consumer group',
      );
    });
    this.crashed = new Promise((resolve) => {
      this.consumer.on(CRASH, ({ payload }) => {
        this.status.failed(describeError(payload.error));
        if (!payload.restart) resolve(payload.error);
      });
    });
  }

  async start(): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    // A new group starts at the beginning of the topic: upstream events since retention began.
    await this.consumer.subscribe({ topic: this.options.topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: true,
      // Commit after every chunk that resolved something (one small request per ≤ chunkSize messages).
      autoCommitThreshold: 1,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.eachBatch(payload),
    });
  }

  /** Waits for the chunk in hand, commits what was resolved, leaves the group, disconnects. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
    this.status.stopped();
  }

  private async eachBatch({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const source = { topic: batch.topic, partition: batch.partition };
    const ports: IngestPorts = {
      ...this.ports,
      sendToDeadLetters: (messages) => this.sendToDeadLetters(messages),
    };
    for (let start = 0; start < batch.messages.length; start += this.options.chunkSize) {
      // Stopping (SIGTERM) or a seek: leave the rest unresolved; it is redelivered, never lost.
      if (!isRunning() || isStale()) return;
      const outcome = await ingestChunk(
        source,
        batch.messages.slice(start, start + this.options.chunkSize),
        ports,
      );
      resolveOffset(outcome.lastOffset);
      this.status.settled(outcome);
      if (outcome.deadLettered > 0)
        this.logger.warn(
          { ...source, count: outcome.deadLettered },
          'order messages refused: sent to the DLQ',
        );
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  private async sendToDeadLetters(messages: Parameters<IngestPorts['sendToDeadLetters']>[0]): Promise<void> {
    // In runs under the broker's message size limit; resolved only once every run is acknowledged.
    for (const batch of deadLetterBatches(messages))
      await this.producer.send({ topic: this.options.deadLetterTopic, acks: -1, messages: batch });
  }
}
