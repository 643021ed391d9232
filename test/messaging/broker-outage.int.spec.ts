// Like broker-restart, but the broker stays down for 30 s: longer than the kafkajs retry budget
// (BROKER_RETRY, about 30 s of retries), so the ingest consumer and the publisher's producer give up
// and are replaced — the ingest from its committed offsets, the publisher from its checkpoint. When
// the broker is back, both resume: every order event in the log exactly once, the deduplicated
// feed is the log in per-stream order, and neither needed a restart of the process.
import { logLevel, type Admin } from 'kafkajs';
import {
  describeKafka,
  kafkaClient,
  probeKafka,
  startBroker,
  stopBroker,
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

const OUTAGE_MS = 30_000;

describeKafka(
  'a 30 s broker outage during ingestion and publication',
  () => {
    const kafka = kafkaClient('caseledger-broker-outage-test', {
      logLevel: logLevel.NOTHING,
      retry: { initialRetryTime: 200, maxRetryTime: 3_000, retries: 20 },
    });
    const settings = testKafkaSettings('broker-outage');
    const groupId = uniqueTopic('broker-outage.group');
    // ~5,300 events on 4,000 streams; the second wave is produced once the broker is back.
    const histories = orderHistories(4_000, 'O');
    const [firstWave, secondWave] = [histories.slice(0, 3_200), histories.slice(3_200)];
    let db: MessagingDatabase;
    let admin: Admin | undefined;
    let pipeline: RunningPipeline | undefined;

    beforeAll(async () => {
      pipeline = await startPipeline(settings, groupId, { chunkSize: 100, batchSize: 100, retryMs: 500 });
      db = pipeline.db;
    }, 60_000);

    afterAll(async () => {
      await startBroker(); // whatever happened, the broker is left running
      await pipeline?.stop();
      await admin?.disconnect();
    }, 90_000);

    it('loses nothing, duplicates nothing in the log, and both resume on their own', async () => {
      await produce(kafka, settings.ordersTopic, asRecords(firstWave));
      await waitFor(
        'ingestion under way',
        () => orderEventCount(db.pool),
        (n) => n >= 500,
        { intervalMs: 5 },
      );
      const inFlight = {
        appended: await orderEventCount(db.pool),
        published: await publisherCheckpoint(db.pool, settings.eventsTopic),
      };

      await stopBroker();
      const stoppedAt = Date.now();
      expect((await probeKafka(1_000)).ok).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      // The outage lasts until the ingest consumer has given up: BROKER_RETRY's ten retries, with
      // their jitter and connection timeouts, take 30–40 s, so a fixed 30 s sometimes ends first.
      const ingestDuringOutage = await waitFor(
        'the ingest consumer giving up',
        () => pipeline!.ingest.status.health(),
        (health) => typeof health.lastError === 'string',
        { timeoutMs: 90_000, intervalMs: 500 },
      );
      await startBroker();
      const backAt = Date.now();
      admin = kafka.admin();
      await admin.connect();
      await produce(kafka, settings.ordersTopic, asRecords(secondWave));

      await waitFor(
        'every order event appended',
        () => orderEventCount(db.pool),
        (n) => n >= histories.length,
        { timeoutMs: 90_000, intervalMs: 200 },
      );
      const ingestedAt = Date.now();
      await waitFor(
        'offsets committed',
        () => groupCaughtUp(admin!, groupId, settings.ordersTopic),
        Boolean,
        {
          timeoutMs: 60_000,
          intervalMs: 200,
        },
      );
      await waitFor(
        'the feed at the head of the log',
        async () => ({
          published: await publisherCheckpoint(db.pool, settings.eventsTopic),
          head: await db.store.headPosition(),
        }),
        ({ published, head }) => published === head,
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      const publishedAt = Date.now();
      console.log(
        `broker down ${backAt - stoppedAt} ms; after it came back: every order event appended in ${ingestedAt - backAt} ms, ` +
          `the feed at the head in ${publishedAt - backAt} ms (in flight when it stopped: ${inFlight.appended} appended, ${inFlight.published} published)`,
      );

      expect(backAt - stoppedAt).toBeGreaterThanOrEqual(OUTAGE_MS);
      expect(ingestDuringOutage).toMatchObject({ lastError: expect.any(String) }); // it did give up meanwhile
      const figures = await orderLogFigures(db.pool);
      expect(figures).toMatchObject({
        events: histories.length,
        distinctEventIds: histories.length,
        streams: 4_000,
      });
      const log = await wholeLog(db.store);
      expect(new Set(log.map((e) => e.eventId))).toEqual(new Set(histories.map((m) => m.eventId)));
      expect(feedProblems(await readTopic(kafka, settings.eventsTopic, 60_000), log)).toEqual([]);
      expect(inFlight.appended).toBeLessThan(firstWave.length);
    }, 240_000);
  },
  { exclusive: true },
);
