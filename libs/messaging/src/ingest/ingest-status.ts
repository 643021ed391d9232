import type { ChunkOutcome } from './ingest-chunk.js';

export type ConsumerState = 'starting' | 'consuming' | 'restarting' | 'stopped';

export interface IngestCounts {
  appended: number;
  duplicates: number;
  deadLettered: number;
}

/**
 * The ingest consumer as /health and /metrics show it. Kafka trouble never makes the API unready
 * (commands do not need the broker), so `ready` stays true and `status` tells what is wrong.
 */
export class IngestStatus {
  readonly name = 'kafka-ingest';
  private state: ConsumerState = 'starting';
  private partitions: number[] = [];
  private lastError: string | null = null;
  private lastBatchAt: string | null = null;
  private readonly totals: IngestCounts = { appended: 0, duplicates: 0, deadLettered: 0 };

  constructor(
    readonly topic: string,
    readonly groupId: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  joined(partitions: number[]): void {
    this.state = 'consuming';
    this.partitions = [...partitions].sort((a, b) => a - b);
  }

  settled(outcome: ChunkOutcome): void {
    this.totals.appended += outcome.appended;
    this.totals.duplicates += outcome.duplicates;
    this.totals.deadLettered += outcome.deadLettered;
    this.lastBatchAt = this.now().toISOString();
  }

  failed(error: string): void {
    this.state = 'restarting';
    this.lastError = error;
  }

  stopped(): void {
    this.state = 'stopped';
    this.partitions = [];
  }

  /** Messages settled by this process since it started. */
  get counts(): IngestCounts {
    return { ...this.totals };
  }

  async health(): Promise<{ ready: boolean } & Record<string, unknown>> {
    return {
      ready: true,
      status: this.state,
      topic: this.topic,
      groupId: this.groupId,
      partitions: this.partitions,
      ...this.totals,
      lastBatchAt: this.lastBatchAt,
      lastError: this.lastError,
    };
  }

  async metrics(): Promise<string[]> {
    return [
      '# HELP caseledger_ingest_messages_total Messages of the orders topic settled by this process, by outcome.',
      '# TYPE caseledger_ingest_messages_total counter',
      `caseledger_ingest_messages_total{outcome="appended"} ${this.totals.appended}`,
      `caseledger_ingest_messages_total{outcome="duplicate"} ${this.totals.duplicates}`,
      `caseledger_ingest_messages_total{outcome="dead_lettered"} ${this.totals.deadLettered}`,
      '# HELP caseledger_ingest_consuming 1 while the consumer is in the group and consuming.',
      '# TYPE caseledger_ingest_consuming gauge',
      `caseledger_ingest_consuming ${this.state === 'consuming' ? 1 : 0}`,
      '# HELP caseledger_ingest_partitions Partitions of the orders topic assigned to this process.',
      '# TYPE caseledger_ingest_partitions gauge',
      `caseledger_ingest_partitions ${this.partitions.length}`,
    ];
  }
}
