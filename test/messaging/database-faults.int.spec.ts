// Every session of the database is terminated, three times, while orders are being ingested and
// the log published: the ingest's appends, the publisher's lock and checkpoint connection, all of
// it. Both resume on their own — the ingest from its committed offsets (the idempotent append
// doubles nothing), the publisher from its checkpoint after taking its lock again — and end with
// every order event in the log once and the deduplicated feed equal to the log.
import { logLevel, type Admin } from 'kafkajs';
import { terminateSessions } from '../faults/support/complaint-load.js';
import { describeKafka, kafkaClient, uniqueTopic } from '../support/kafka/index.js';
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

describeKafka('database sessions terminated during ingestion and publication', () => {
  const kafka = kafkaClient('caseledger-database-faults-test', { logLevel: logLevel.NOTHING });
  const settings = testKafkaSettings('database-faults');
  const groupId = uniqueTopic('database-faults.group');
  const histories = orderHistories(4_000, 'T');
  let db: MessagingDatabase;
  let admin: Admin;
  let pipeline: RunningPipeline | undefined;

  beforeAll(async () => {
    pipeline = await startPipeline(settings, groupId, {
      chunkSize: 100,
      batchSize: 100,
      retryMs: 200,
      standbyPollMs: 200,
    });
    db = pipeline.db;
    admin = kafka.admin();
    await admin.connect();
  }, 60_000);

  afterAll(async () => {
    await pipeline?.stop();
    await admin?.disconnect();
  }, 60_000);

  it('loses nothing, doubles nothing in the log, and both resume without a restart', async () => {
    await produce(kafka, settings.ordersTopic, asRecords(histories));
    await waitFor(
      'ingestion under way',
      () => orderEventCount(db.pool),
      (n) => n >= 500,
      { intervalMs: 5 },
    );
    let terminated = 0;
    // Counted right after the first round: on a quiet machine the ingest finishes within the next
    // 400 ms, so a count after the last round says nothing about whether the faults hit work.
    let appendedThen = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) {
      terminated += await terminateSessions(db.url, 'caseledger');
      if (round === 0) appendedThen = await orderEventCount(db.pool);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    const lastAt = Date.now();

    await waitFor(
      'every order event appended',
      () => orderEventCount(db.pool),
      (n) => n >= histories.length,
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    const ingestedAt = Date.now();
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
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    console.log(
      `${terminated} sessions terminated in three rounds; after the last, every order event appended in ${ingestedAt - lastAt} ms, the feed at the head in ${Date.now() - lastAt} ms`,
    );

    expect(terminated).toBeGreaterThan(3);
    expect(appendedThen).toBeLessThan(histories.length); // the faults hit work in progress
    expect(await orderLogFigures(db.pool)).toMatchObject({
      events: histories.length,
      distinctEventIds: histories.length,
      streams: 4_000,
    });
    const log = await wholeLog(db.store);
    expect(new Set(log.map((e) => e.eventId))).toEqual(new Set(histories.map((m) => m.eventId)));
    expect(feedProblems(await readTopic(kafka, settings.eventsTopic, 60_000), log)).toEqual([]);
  }, 150_000);
});
