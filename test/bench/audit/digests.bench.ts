import { generateKeyPairSync } from 'node:crypto';
import pg from 'pg';
import {
  EMPTY_LOG_HASH,
  extendLogHash,
  issueDigest,
  PostgresAuditLog,
  signDigest,
  signingKeyFrom,
  verifyDigests,
  type LogDigest,
} from '#audit';
import { eventHash, openPool } from '#event-store';
import { createDatabase } from '#embedded-postgres';
import { migrateAll } from '#runtime';
import { bulkInsertLog } from '../../../libs/projections/test/bulk-insert-log.js';
import { generateDepartmentLog } from '../../../libs/projections/test/generated-log.js';
import { fmt, spread, table, type Spread } from '../support/stats.js';

export interface DigestsBenchOptions {
  serverUrl: string;
  events: number;
  runs: number;
  /** A digest every this many events (the issuer's every 10 s, at a steady 10k events/s). */
  eventsPerDigest?: number;
  log?: (line: string) => void;
}

export interface DigestsBenchResult {
  events: number;
  digests: number;
  verifySeconds: Spread;
  verifyEventsPerSecond: Spread;
  firstDigestSeconds: number;
}

/**
 * `npm run bench -- digests`: `audit verify --digests` over a generated log (SPEC §7.1: target
 * ≤ 30 s for 1M events) — every event read in position order from one snapshot, its hash
 * recomputed from its content, the log hash folded, each digest's signature checked — and the
 * issuer's first digest over the whole log (a deployment that turns digests on for an old log).
 * The generated log carries zero hashes, so the digests are made here over the recomputed ones.
 */
export async function digestsBench(options: DigestsBenchOptions): Promise<DigestsBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const url = await createDatabase(options.serverUrl, `digests_bench_${Date.now()}`);
  await migrateAll(url);
  const pool = openPool({ connectionString: url, max: 2 }, () => undefined); // the server stops right after: idle connections learn it last
  const audit = new PostgresAuditLog({ connection: { connectionString: url }, pageSize: 5000 });
  const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey, 'bench key');
  try {
    const events = await generate(pool, options.events);
    await pool.query('VACUUM ANALYZE event_store.events');
    log(`log: ${fmt(events)} events generated`);
    const digests = await digestsOver(audit, key, options.eventsPerDigest ?? 100_000);
    const seconds: number[] = [];
    for (let run = 1; run <= options.runs; run++) {
      const started = performance.now();
      const report = await verifyDigests(audit.eventsInPositionOrder(), digests, [key.jwk]);
      seconds.push((performance.now() - started) / 1000);
      if (!report.ok || report.eventsChecked !== events)
        throw new Error(`verification failed: ${JSON.stringify(report)}`);
      log(
        `run ${run}: verified ${fmt(events)} events against ${digests.length} digests in ${fmt(seconds.at(-1)!, 1)} s`,
      );
    }
    const client = await pool.connect();
    const started = performance.now();
    await issueDigest(client, key, new Date());
    const firstDigestSeconds = (performance.now() - started) / 1000;
    client.release();
    const result = {
      events,
      digests: digests.length,
      verifySeconds: spread(seconds),
      verifyEventsPerSecond: spread(seconds.map((s) => events / s)),
      firstDigestSeconds,
    };
    log(
      `\n${table([
        [`digests over ${fmt(events)} events (${options.runs} runs)`, 'median', 'min', 'max'],
        [
          'audit verify --digests, s (target ≤ 30 for 1M)',
          fmt(result.verifySeconds.median, 1),
          fmt(result.verifySeconds.min, 1),
          fmt(result.verifySeconds.max, 1),
        ],
        [
          'audit verify --digests, events/s',
          fmt(result.verifyEventsPerSecond.median),
          fmt(result.verifyEventsPerSecond.min),
          fmt(result.verifyEventsPerSecond.max),
        ],
        ['first digest over the whole log, s', fmt(firstDigestSeconds, 1), '', ''],
      ])}`,
    );
    return result;
  } finally {
    await audit.close();
    await pool.end();
  }
}

async function generate(pool: pg.Pool, events: number): Promise<number> {
  const revisions = new Map<string, number>();
  let written = 0;
  for (let part = 1; written < events; part++) {
    const idPrefix = part.toString(16).padStart(4, '0');
    const cases = Math.ceil((events - written) / 8.5);
    written += await bulkInsertLog(pool, generateDepartmentLog({ cases, seed: part, idPrefix, revisions }), {
      chunk: 4096,
    });
  }
  return written;
}

/** Digests as the issuer would sign them, every `every` events and at the end, over the recomputed hashes. */
async function digestsOver(
  audit: PostgresAuditLog,
  key: ReturnType<typeof signingKeyFrom>,
  every: number,
): Promise<LogDigest[]> {
  const digests: LogDigest[] = [];
  let logHash = EMPTY_LOG_HASH;
  let eventCount = 0;
  let position = 0;
  const sign = () =>
    digests.push(
      signDigest(
        { position, eventCount, logHash, issuedAt: new Date().toISOString(), keyId: key.keyId },
        key.privateKey,
      ),
    );
  for await (const event of audit.eventsInPositionOrder()) {
    logHash = extendLogHash(logHash, eventHash(event.prevHash, event));
    eventCount++;
    position = event.globalPosition;
    if (eventCount % every === 0) sign();
  }
  if (eventCount % every !== 0) sign();
  return digests;
}
