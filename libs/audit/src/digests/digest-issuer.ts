import { DIGEST_ISSUER_TUNING } from '#config';
import type { ClientBase, Pool } from 'pg';
import { lockOnName, pause, whileHoldingLock } from '#event-store';
import { signDigest, type LogDigest } from './digest.js';
import { eventHashesAfter, readDigestCheckpoint, recordSigningKey, storeDigest } from './digest-rows.js';
import { extendLogHash } from './log-hash.js';
import type { SigningKey } from './signing-key.js';

export interface DigestIssuerLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface DigestIssuerOptions {
  /** The runtime login's pool; the issuer holds one connection of it while active. */
  pool: Pool;
  key: SigningKey;
  /** AUDIT_DIGEST_SECONDS × 1000: a digest at most this often, when the log grew. */
  intervalMs: number;
  logger: DigestIssuerLogger;
  /** Called after a digest is committed (publication to Kafka). Errors are the callee's. */
  onIssued?: (digest: LogDigest) => void;
  now?: () => Date;
  /** Event hashes read per query while folding. Default 10 000. */
  pageSize?: number;
  standbyPollMs?: number;
  retryMs?: number;
}

/** One issuer at a time in the whole deployment: the other processes stand by on this lock. */
const issuerLock = lockOnName('caseledger.digest-issuer');

/**
 * Folds the events the checkpoint has not covered into the log hash, signs one digest for them
 * and stores it with the checkpoint (one transaction). Null when nothing new lies below the
 * horizon. Events are read after the checkpoint in pages; only hashes travel, so memory stays flat.
 */
export async function issueDigest(
  client: ClientBase,
  key: SigningKey,
  now: Date,
  pageSize = DIGEST_ISSUER_TUNING.pageSize,
): Promise<LogDigest | null> {
  const from = await readDigestCheckpoint(client);
  let { position, eventCount, logHash } = from;
  for (;;) {
    const page = await eventHashesAfter(client, position, pageSize);
    for (const event of page) logHash = extendLogHash(logHash, event.hash);
    if (page.length > 0) {
      position = page.at(-1)!.position;
      eventCount += page.length;
    }
    if (page.length < pageSize) break;
  }
  if (position === from.position) return null;
  const digest = signDigest(
    { position, eventCount, logHash, issuedAt: now.toISOString(), keyId: key.keyId },
    key.privateKey,
  );
  await storeDigest(client, from, digest);
  return digest;
}

/**
 * The log follower that issues signed digests (SPEC §7.1): active in one process (advisory lock),
 * standing by in the others; after any failure it starts over from the committed checkpoint.
 */
export class DigestIssuer {
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  private lastIssued: LogDigest | null = null;
  private active = false;

  constructor(private readonly options: DigestIssuerOptions) {}

  start(): this {
    this.loop ??= this.run();
    return this;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  get isActive(): boolean {
    return this.active;
  }

  get latest(): LogDigest | null {
    return this.lastIssued;
  }

  private run(): Promise<void> {
    const { logger, key } = this.options;
    const signal = this.stopping.signal;
    return whileHoldingLock({
      pool: this.options.pool,
      lock: issuerLock,
      signal,
      standbyPollMs: this.options.standbyPollMs ?? DIGEST_ISSUER_TUNING.standbyPollMs,
      retryMs: this.options.retryMs ?? DIGEST_ISSUER_TUNING.retryMs,
      holding: (holding) => (this.active = holding),
      work: async ({ client, check }) => {
        await recordSigningKey(client, key.jwk);
        logger.info({ keyId: key.keyId }, 'digest issuer active: took the lock');
        while (!signal.aborted) {
          check();
          const now = (this.options.now ?? (() => new Date()))();
          const digest = await issueDigest(client, key, now, this.options.pageSize);
          if (digest) {
            this.lastIssued = digest;
            this.options.onIssued?.(digest);
          }
          await pause(this.options.intervalMs, signal);
        }
      },
      failed: (error) =>
        logger.warn({ err: error }, 'digest issuer stopped; it starts over from its committed checkpoint'),
    });
  }
}
