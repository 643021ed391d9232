import { LAG_COUNT_LIMIT } from '#config';
import type { Pool } from 'pg';
import { describeError, eventsBehind, type EventStore } from '#event-store';
import { readCheckpoint } from './publisher-checkpoint.js';
import { publisherLock } from './publisher-lock.js';

/**
 * The publisher as /health and /metrics show it. Position and lag come from the checkpoint table,
 * so a standby (or any process on the database) reports the active publisher's progress. Lag
 * never makes the API unready: the feed is for analytics, commands do not wait for it.
 */
export class PublisherStatus {
  readonly name = 'kafka-publisher';
  private isActive = false;
  private publishedHere = 0;
  private lastError: string | null = null;
  private lastPublishedAt: string | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly store: Pick<EventStore, 'countEvents'>,
    readonly topic: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  active(active: boolean): void {
    this.isActive = active;
  }

  /** Took the lock and read the checkpoint: an earlier failure is behind it. */
  resumed(): void {
    this.lastError = null;
  }

  published(count: number): void {
    this.publishedHere += count;
    this.lastPublishedAt = this.now().toISOString();
  }

  failed(error: string): void {
    this.lastError = error;
  }

  /** This process holds the lock and publishes. */
  get publishing(): boolean {
    return this.isActive;
  }

  async health(headPosition: number | null): Promise<{ ready: boolean } & Record<string, unknown>> {
    try {
      const position = await readCheckpoint(this.pool, this.topic);
      return {
        ready: true,
        status: this.isActive ? 'active' : 'standby',
        topic: this.topic,
        activeSomewhere: await publisherLock(this.topic).heldAnywhere(this.pool),
        position,
        eventsBehind: await eventsBehind(this.store, position, headPosition ?? 0),
        publishedByThisProcess: this.publishedHere,
        lastPublishedAt: this.lastPublishedAt,
        lastError: this.lastError,
      };
    } catch (error) {
      return { ready: true, status: 'unknown', topic: this.topic, error: describeError(error) };
    }
  }

  async metrics(headPosition: number): Promise<string[]> {
    const position = await readCheckpoint(this.pool, this.topic).catch(() => null);
    const activeSomewhere = await publisherLock(this.topic)
      .heldAnywhere(this.pool)
      .catch(() => false);
    const label = `{topic="${this.topic}"}`;
    return [
      '# HELP caseledger_publisher_position Global position of the last event the broker acknowledged.',
      '# TYPE caseledger_publisher_position gauge',
      ...(position === null ? [] : [`caseledger_publisher_position${label} ${position}`]),
      `# HELP caseledger_publisher_lag_events Events committed but not yet acknowledged by the broker (counted up to ${LAG_COUNT_LIMIT}).`,
      '# TYPE caseledger_publisher_lag_events gauge',
      ...(position === null
        ? []
        : [
            `caseledger_publisher_lag_events${label} ${await eventsBehind(this.store, position, headPosition).catch(() => 0)}`,
          ]),
      '# HELP caseledger_publisher_active 1 when some process holds the publisher lock for the topic.',
      '# TYPE caseledger_publisher_active gauge',
      `caseledger_publisher_active${label} ${activeSomewhere ? 1 : 0}`,
    ];
  }
}
