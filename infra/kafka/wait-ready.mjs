#!/usr/bin/env node
// Waits until the Kafka broker answers a real metadata request (kafkajs admin.connect() +
// describeCluster()), retrying until success or a timeout. Exit 0 when ready, 1 otherwise.
//
//   node infra/kafka/wait-ready.mjs [--timeout <s>] [--quiet] [--brokers host:port,...]
//
// Brokers: --brokers, else env KAFKA_BROKERS, else 127.0.0.1:${KAFKA_PORT:-9092}.
// env KAFKA_PID: give up early when that process has exited (used by start.sh).
// --warm: once it answers, also make the broker create its internal topics (__consumer_offsets via a
// group-coordinator lookup, __transaction_state via an idempotent producer's InitProducerId), so the
// first test does not meet "The coordinator is loading" / "group coordinator is not available".
import { Kafka, logLevel } from 'kafkajs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const timeoutMs = Number(opt('--timeout') ?? 60) * 1000;
const quiet = args.includes('--quiet');
const warm = args.includes('--warm');
const brokers = (
  opt('--brokers') ??
  process.env.KAFKA_BROKERS ??
  `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`
)
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
const watchedPid = process.env.KAFKA_PID ? Number(process.env.KAFKA_PID) : undefined;

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function warmUp(timeoutMs) {
  const kafka = new Kafka({
    clientId: 'caseledger-wait-ready',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: Math.ceil(timeoutMs / 500) },
  });
  const t0 = Date.now();
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  try {
    await admin.connect();
    await admin.describeGroups(['caseledger-wait-ready-warmup']);
    await producer.connect();
  } catch (error) {
    // Not fatal: the broker answers; clients retry these themselves.
    if (!quiet)
      console.error(`kafka: warm-up incomplete (${error instanceof Error ? error.message : error})`);
  } finally {
    await producer.disconnect().catch(() => {});
    await admin.disconnect().catch(() => {});
  }
  if (!quiet) console.log(`kafka: internal topics ready (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
}

const started = Date.now();
const deadline = started + timeoutMs;
let lastError = 'no attempt made';
let attempts = 0;

while (Date.now() < deadline) {
  attempts += 1;
  const left = Math.max(500, deadline - Date.now());
  const kafka = new Kafka({
    clientId: 'caseledger-wait-ready',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(1000, left),
    requestTimeout: Math.min(3000, left),
    retry: { retries: 0 },
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.disconnect().catch(() => {});
    if (!quiet) {
      const ids = cluster.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(', ');
      console.log(
        `kafka: answering after ${((Date.now() - started) / 1000).toFixed(1)}s ` +
          `(cluster ${cluster.clusterId}, controller ${cluster.controller}, brokers ${ids})`,
      );
    }
    if (warm) await warmUp(Math.max(5000, deadline - Date.now()));
    process.exit(0);
  } catch (error) {
    lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await admin.disconnect().catch(() => {});
  }
  if (watchedPid !== undefined && !alive(watchedPid)) {
    if (!quiet) console.error(`kafka: the broker process ${watchedPid} exited before answering`);
    process.exit(1);
  }
  await sleep(250);
}

if (!quiet) {
  console.error(
    `kafka: no answer from ${brokers.join(',')} within ${timeoutMs / 1000}s ` +
      `(${attempts} attempts; last error: ${lastError})`,
  );
}
process.exit(1);
