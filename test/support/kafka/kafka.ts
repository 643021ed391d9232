// Helpers for the Kafka integration tests (`*.int.spec.ts`), against the real broker that
// infra/kafka/start.sh runs (`npm run kafka:start`).
//
// A missing broker follows the one rule of test/support/prerequisite.ts: under CI=true it FAILS the
// tests, elsewhere it skips them with a banner.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel, type Admin, type ITopicConfig, type KafkaConfig } from 'kafkajs';
import { holdBrokerExclusive, holdBrokerShared } from './broker-lock.js';
import { describeWithPrerequisite, requirePrerequisite, underCi } from '../prerequisite.js';

const WAIT_READY = fileURLToPath(new URL('../../../infra/kafka/wait-ready.mjs', import.meta.url));

/** Broker list from env KAFKA_BROKERS (comma-separated), default `127.0.0.1:9092`. */
export function kafkaBrokers(): string[] {
  const list = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (list.length === 0) throw new Error('KAFKA_BROKERS is set but names no broker');
  return list;
}

/** Kept for callers: the one CI rule of test/support/prerequisite.ts. */
export const isCi = underCi;

const LOG_LEVELS: Record<string, logLevel> = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

/**
 * A kafkajs client for tests: the test brokers, fast reconnects, kafkajs logging at
 * env KAFKA_TEST_LOG_LEVEL (nothing|error|warn|info|debug; default error).
 */
export function kafkaClient(clientId = 'caseledger-test', overrides: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId,
    brokers: kafkaBrokers(),
    logLevel: LOG_LEVELS[(process.env.KAFKA_TEST_LOG_LEVEL ?? 'error').toLowerCase()] ?? logLevel.ERROR,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 100, retries: 8 },
    ...overrides,
  });
}

const KAFKA = 'a Kafka broker';

function unavailableReason(reason: string): string {
  return (
    `not answering at ${kafkaBrokers().join(',')} (${reason}); ` +
    'start it with `npm run kafka:start` (infra/kafka/start.sh, needs Java), or set KAFKA_BROKERS'
  );
}

/** One real metadata request (admin connect + describeCluster), retried up to `timeoutMs`. */
export async function probeKafka(timeoutMs = 5000): Promise<{ ok: true } | { ok: false; reason: string }> {
  const deadline = Date.now() + timeoutMs;
  let reason = 'no attempt';
  while (Date.now() < deadline) {
    const admin = kafkaClient('caseledger-test-probe', {
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1000,
      requestTimeout: 2000,
      retry: { retries: 0 },
    }).admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return { ok: true };
    } catch (error) {
      reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await sleep(200);
  }
  return { ok: false, reason };
}

/**
 * For a test file's `beforeAll`: true when the broker answers. When it does not: throws under CI,
 * otherwise warns loudly and returns false (the caller skips its tests).
 */
export async function requireKafka(timeoutMs = 5000): Promise<boolean> {
  const probe = await probeKafka(timeoutMs);
  return requirePrerequisite(
    KAFKA,
    probe.ok ? probe : { ok: false, reason: unavailableReason(probe.reason) },
    'Kafka tests',
  );
}

let syncProbe: boolean | undefined;

/**
 * Blocking probe, usable while jest collects tests (it decides `describe.skip` there, before any
 * hook runs): runs infra/kafka/wait-ready.mjs (admin connect + describeCluster) in a child process.
 */
export function kafkaAvailableSync(timeoutSeconds = 2): boolean {
  if (syncProbe !== undefined) return syncProbe;
  const result = spawnSync(
    process.execPath,
    [WAIT_READY, '--quiet', '--timeout', String(timeoutSeconds), '--brokers', kafkaBrokers().join(',')],
    { stdio: 'ignore', timeout: (timeoutSeconds + 10) * 1000 },
  );
  syncProbe = result.status === 0;
  return syncProbe;
}

/**
 * `describe` for Kafka integration tests; jest decides skipping while it collects tests, so this
 * probes the broker synchronously (kafkaAvailableSync) right there.
 * - broker answers → `describe(name, fn)`;
 * - no broker, locally → `describe.skip(name, fn)` and a loud warning;
 * - no broker, under CI (probe waits up to 15 s) → the block holds one failing test saying why:
 *   the suite FAILS, it is never skipped.
 */
export function describeKafka(name: string, fn: () => void, options: { exclusive?: boolean } = {}): void {
  describeWithPrerequisite(
    KAFKA,
    () =>
      kafkaAvailableSync(underCi() ? 15 : 2)
        ? { ok: true }
        : { ok: false, reason: unavailableReason('probe at collection time failed') },
    name,
    () => {
      // `exclusive`: this file takes the broker away (broker-lock.ts); the others wait meanwhile.
      let release: (() => void) | undefined;
      beforeAll(async () => {
        release = await (options.exclusive ? holdBrokerExclusive() : holdBrokerShared());
      }, 600_000);
      fn();
      afterAll(() => release?.()); // after the file's own afterAll hooks (declaration order)
    },
  );
}

/** A fresh topic name per test run: `<prefix>.<time>-<random>` (Kafka-legal characters only). */
export function uniqueTopic(prefix = 'test'): string {
  const safe = prefix.replace(/[^a-zA-Z0-9._-]/g, '-');
  return `${safe}.${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

export type TopicSpec = string | ITopicConfig;

const RETRIABLE = new Set([
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'NOT_CONTROLLER',
  'REQUEST_TIMED_OUT',
  'NOT_LEADER_FOR_PARTITION',
  'KafkaJSTimeout',
  'KafkaJSConnectionError',
]);

/** Every error type/name in a kafkajs error, its causes and its aggregated errors. */
function errorTypes(error: unknown, seen = new Set<unknown>()): string[] {
  if (error === null || typeof error !== 'object' || seen.has(error)) return [];
  seen.add(error);
  const e = error as {
    type?: unknown;
    name?: unknown;
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
  };
  const own = [e.type, e.name].filter((t): t is string => typeof t === 'string');
  const nested = [e.cause, e.originalError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return [...own, ...nested.flatMap((inner) => errorTypes(inner, seen))];
}

/**
 * Creates topics (1 partition, replication factor 1 unless given) and returns once every partition
 * has a leader. Retries on UNKNOWN_TOPIC_OR_PARTITION / LEADER_NOT_AVAILABLE: right after
 * CreateTopics a KRaft broker may not know the topic yet in its metadata. Existing topics are fine.
 */
export async function createTopics(admin: Admin, topics: TopicSpec[], timeoutMs = 30_000): Promise<void> {
  const configs: ITopicConfig[] = topics.map((t) =>
    typeof t === 'string'
      ? { topic: t, numPartitions: 1, replicationFactor: 1 }
      : { numPartitions: 1, replicationFactor: 1, ...t },
  );
  const names = configs.map((c) => c.topic);
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.createTopics({ topics: configs, waitForLeaders: true, timeout: 10_000 });
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: names });
      const missing = names.filter((name) => {
        const topic = metadata.find((m) => m.name === name);
        return !topic || topic.partitions.length === 0 || topic.partitions.some((p) => p.leader < 0);
      });
      if (missing.length === 0) return;
      throw Object.assign(new Error(`no leader yet for ${missing.join(', ')}`), {
        type: 'LEADER_NOT_AVAILABLE',
      });
    } catch (error) {
      const retriable = errorTypes(error).some((type) => RETRIABLE.has(type));
      if (!retriable || Date.now() + 100 > deadline) throw error;
      await sleep(Math.min(100 * 2 ** (attempt - 1), 1000));
    }
  }
}

/** Deletes topics, ignoring the ones already gone. */
export async function deleteTopics(admin: Admin, topics: string[]): Promise<void> {
  try {
    await admin.deleteTopics({ topics, timeout: 10_000 });
  } catch (error) {
    if (!errorTypes(error).includes('UNKNOWN_TOPIC_OR_PARTITION')) throw error;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
