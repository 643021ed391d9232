// The broker is stopped and started again while orders are being ingested and the log published.
// Everything produced lands in the log exactly once, and the feed, deduplicated by `event-id`, is
// the log in per-stream order: kafkajs retries, and what it gives up on is redone from committed
// offsets (ingest) or from the checkpoint (publisher).
import { logLevel, type Admin } from 'kafkajs';
import {
  describeKafka,
  kafkaClient,
  probeKafka,
  restartBroker,
  uniqueTopic,
} from '../support/kafka/index.js';
import { asRecords, groupCaughtUp, produce, readTopic, testKafkaSettings } from './support/kafka-io.js';
import {
  orderEventCount,
  orderLogFigures,
  publisherCheckpoint,
  type MessagingDatabase,
} from './support/messaging-database.js';
import { startPipeline, type RunningPipeline } from './support/pipeline.js';
import { feedProblems, orderHistories, wholeLog } from './support/order-log.js';
import { waitFor } from './support/wait-for.js';

/**
 * Probes the broker while `restart` runs; at the first failed metadata request (the broker is down)
 * takes `snapshot()` of the pipeline. Undefined when the broker never went down.
 */
async function atOutage<T>(restart: Promise<unknown>, snapshot: () => Promise<T>): Promise<T | undefined> {
  let done = false;
  void restart.finally(() => (done = true)).catch(() => undefined);
  while (!done) {
    if (!(await probeKafka(300)).ok) return snapshot();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

describeKafka(
  'a broker restart during ingestion and publication',
  () => {
    // Quiet: its connection errors while the broker is down are the point of the test, not news.
    const kafka = kafkaClient('caseledger-broker-restart-test', {
      logLevel: logLevel.NOTHING,
      retry: { initialRetryTime: 200, maxRetryTime: 3_000, retries: 20 },
    });
    const settings = testKafkaSettings('broker-restart');
    const groupId = uniqueTopic('broker-restart.group');
    // ~15,000 events on 10,000 streams; two waves, the second produced while the broker is down.
    const histories = orderHistories(10_000, 'B');
    const [firstWave, secondWave] = [histories.slice(0, 8_000), histories.slice(8_000)];
    let db: MessagingDatabase;
    let admin: Admin;
    let pipeline: RunningPipeline | undefined;

    beforeAll(async () => {
      pipeline = await startPipeline(settings, groupId, { batchSize: 200, retryMs: 500 });
      db = pipeline.db;
      admin = kafka.admin();
      await admin.connect();
    }, 60_000);

    afterAll(async () => {
      await pipeline?.stop();
      await admin?.disconnect();
    }, 60_000);

    it('loses nothing and duplicates nothing in the log, and the deduplicated feed is the log', async () => {
      await produce(kafka, settings.ordersTopic, asRecords(firstWave));
      await waitFor(
        'ingestion under way',
        () => orderEventCount(db.pool),
        (n) => n >= 1_000,
        { intervalMs: 5 },
      );

      // Produced while the broker goes down and comes back: the test producer retries through it.
      const restarting = restartBroker();
      const pipeline = async () => ({
        appended: await orderEventCount(db.pool),
        published: await publisherCheckpoint(db.pool, settings.eventsTopic),
        head: await db.store.headPosition(),
      });
      const [outage] = await Promise.all([
        atOutage(restarting, pipeline),
        restarting,
        produce(kafka, settings.ordersTopic, asRecords(secondWave)),
      ]);
      // Not a no-op restart (a broker these scripts do not manage), and it hit both halves mid-flight:
      // the first wave not yet all appended, and the feed behind the log, when the broker went away.
      expect(outage).toBeDefined();
      expect(outage!.appended).toBeLessThan(firstWave.length);
      expect(outage!.published).toBeLessThan(outage!.head);

      await waitFor(
        'every order event appended',
        () => orderEventCount(db.pool),
        (n) => n >= histories.length,
        { timeoutMs: 90_000, intervalMs: 200 },
      );
      await waitFor('offsets committed', () => groupCaughtUp(admin, groupId, settings.ordersTopic), Boolean, {
        timeoutMs: 60_000,
        intervalMs: 200,
      });
      await waitFor(
        'the feed at the head of the log',
        async () => ({
          published: await publisherCheckpoint(db.pool, settings.eventsTopic),
          head: await db.store.headPosition(),
        }),
        ({ published, head }) => published === head,
        { timeoutMs: 60_000, intervalMs: 200 },
      );

      const figures = await orderLogFigures(db.pool);
      expect(figures).toMatchObject({
        events: histories.length,
        distinctEventIds: histories.length,
        streams: 10_000,
      });
      const log = await wholeLog(db.store);
      expect(new Set(log.map((e) => e.eventId))).toEqual(new Set(histories.map((m) => m.eventId)));
      expect(feedProblems(await readTopic(kafka, settings.eventsTopic, 60_000), log)).toEqual([]);
    }, 180_000);
  },
  { exclusive: true },
);
