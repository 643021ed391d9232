import { TOPIC_SETUP_ATTEMPTS } from '#config';
import type { Admin, Kafka } from 'kafkajs';
import { describeError, pause, type FollowerLogger } from '#event-store';

export interface TopicPlan {
  topic: string;
  partitions: number;
  replicationFactor: number;
}

/**
 * Creates the topics that are missing (existing ones are left as they are: their partition count
 * is the operator's), then waits until every partition has a leader. Brokers with topic
 * auto-creation off refuse to produce to a topic that does not exist, and right after CreateTopics
 * a KRaft broker may not list the new topic yet, so both steps are retried.
 */
export async function ensureTopics(
  kafka: Kafka,
  plans: TopicPlan[],
  logger: FollowerLogger,
  signal = new AbortController().signal,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await createMissing(admin, plans, logger);
        await requireLeaders(
          admin,
          plans.map((p) => p.topic),
        );
        return;
      } catch (error) {
        if (attempt >= TOPIC_SETUP_ATTEMPTS || signal.aborted) throw error;
        logger.warn({ err: describeError(error), attempt }, 'kafka topics not ready yet; retrying');
        await pause(Math.min(100 * 2 ** attempt, 2_000), signal);
      }
    }
  } finally {
    await admin.disconnect();
  }
}

async function createMissing(admin: Admin, plans: TopicPlan[], logger: FollowerLogger): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = plans.filter((p) => !existing.has(p.topic));
  if (missing.length === 0) return;
  // false when another process created them between listTopics and here: fine.
  await admin.createTopics({
    waitForLeaders: true,
    timeout: 10_000,
    topics: missing.map((p) => ({
      topic: p.topic,
      numPartitions: p.partitions,
      replicationFactor: p.replicationFactor,
    })),
  });
  logger.info({ topics: missing }, 'kafka topics created');
}

async function requireLeaders(admin: Admin, topics: string[]): Promise<void> {
  const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
  const leaderless = topics.filter((name) => {
    const topic = metadata.find((m) => m.name === name);
    return !topic || topic.partitions.length === 0 || topic.partitions.some((p) => p.leader < 0);
  });
  if (leaderless.length > 0) throw new Error(`no leader yet for ${leaderless.join(', ')}`);
}
