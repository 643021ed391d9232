import { NOTIFY_INTERVAL_MS } from '#config';
import pg from 'pg';
import type { ClientConfig, Pool } from 'pg';

export const APPENDED_CHANNEL = 'event_store_appended';

/**
 * Tells waiting subscribers that something may have been appended. A generation counter, not a
 * queue: a subscriber notes the generation, reads, and waits only if nothing happened since, so a
 * wake-up between its read and its wait is never lost.
 *
 * Sources: appends through this store (in process, immediately), and NOTIFY from other processes on
 * a dedicated LISTEN connection, reconnected with backoff when it drops; polling in the subscriber
 * covers whatever both miss. NOTIFY is sent after the append committed, at most one in flight per
 * process (appends meanwhile coalesce into the next one), instead of inside the append: PostgreSQL
 * serialises the commits of notifying transactions on one lock, and measured here (pgbench, 10
 * connections) an append carrying pg_notify, or a statement trigger doing it, committed at roughly
 * half the rate of one without.
 */
export class AppendWakeups {
  private generation = 0;
  private readonly waiters = new Set<() => void>();
  private listener: pg.Client | null = null;
  private listening = false;
  private reconnectDelayMs = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private notifyPending = false;
  private notifyAgain = false;
  private notifyTimer: NodeJS.Timeout | null = null;
  private lastNotifyAt = 0;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly listenConfig: ClientConfig,
    private readonly onBackgroundError: (error: unknown) => void,
  ) {}

  get current(): number {
    return this.generation;
  }

  /**
   * After a committed append: wake local subscribers now, other processes through NOTIFY — at most
   * one every NOTIFY_INTERVAL_MS, appends meanwhile coalescing into the next. Each NOTIFY is a
   * transaction of its own; one per append cost the server as much as a tenth of its append rate.
   */
  appended(): void {
    this.wake();
    if (this.closed) return;
    if (this.notifyPending) {
      // Already sent, not yet done: this append may have committed after it, so send another.
      if (this.notifyTimer === null) this.notifyAgain = true;
      return;
    }
    this.notifyPending = true;
    const wait = Math.max(0, this.lastNotifyAt + NOTIFY_INTERVAL_MS - Date.now());
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      this.lastNotifyAt = Date.now();
      void this.pool
        .query(`SELECT pg_notify('${APPENDED_CHANNEL}', '')`)
        .catch((error: unknown) => this.closed || this.onBackgroundError(error))
        .finally(() => {
          this.notifyPending = false;
          if (this.notifyAgain) {
            this.notifyAgain = false;
            this.appended();
          }
        });
    }, wait);
  }

  /** Resolves once the generation moved past `seen`, after `timeoutMs`, or on abort. */
  waitForChange(seen: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    this.listen();
    if (this.generation !== seen || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.wake();
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  private wake(): void {
    this.generation += 1;
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Starts the LISTEN connection the first time a subscriber waits. */
  private listen(): void {
    if (this.listening || this.closed) return;
    this.listening = true;
    void this.connectListener();
  }

  private async connectListener(): Promise<void> {
    const client = new pg.Client(this.listenConfig);
    client.on('notification', () => this.wake());
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${APPENDED_CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.listener = client;
      this.reconnectDelayMs = 0;
      this.wake(); // notifications sent while disconnected are lost: let subscribers look once
    } catch (error) {
      this.dropped(client, error);
    }
  }

  private dropped(client: pg.Client, error?: unknown): void {
    if (this.closed || this.reconnectTimer) return;
    if (this.listener && this.listener !== client) return; // a stale client of an earlier attempt
    this.listener = null;
    void client.end().catch(() => undefined);
    if (error) this.onBackgroundError(error);
    this.reconnectDelayMs = Math.min(5_000, Math.max(250, this.reconnectDelayMs * 2));
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connectListener();
    }, this.reconnectDelayMs);
    this.reconnectTimer.unref();
  }
}
