// The publisher as a process of its own (test/messaging/fixtures/publisher-process.mjs, from dist/):
// one holds the lock and publishes, another stands by. The active one is frozen, its checkpoint
// read, then SIGKILLed: the standby takes over from that checkpoint. No event is missing from the
// feed, and only events after the checkpoint may appear twice.
import { PublisherStatus } from '#messaging';
import { describeKafka, kafkaClient } from '../support/kafka/index.js';
import { readTopic, testKafkaSettings } from './support/kafka-io.js';
import {
  publisherCheckpoint,
  startMessagingDatabase,
  type MessagingDatabase,
} from './support/messaging-database.js';
import { startNodeProcess, type NodeProcess } from './support/node-process.js';
import { feedProblems, orderHistories, recordDirectly, wholeLog } from './support/order-log.js';
import { waitFor } from './support/wait-for.js';

const TOOK_THE_LOCK = /event publisher active: took the lock/;

describeKafka('the event publisher, killed and restarted', () => {
  const kafka = kafkaClient('caseledger-publisher-test');
  const settings = testKafkaSettings('publisher-resume');
  const topic = settings.eventsTopic;
  let db: MessagingDatabase;
  const processes: NodeProcess[] = [];

  const startPublisherProcess = () => {
    const publisher = startNodeProcess('test/messaging/fixtures/publisher-process.mjs', {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: settings.brokers.join(','),
      KAFKA_EVENTS_TOPIC: topic,
      // Small batches: many checkpoints, so the kill lands between two of them.
      PUBLISHER_BATCH_SIZE: '100',
    });
    processes.push(publisher);
    return publisher;
  };
  const checkpoint = () => publisherCheckpoint(db.pool, topic);
  const caughtUpWithTheLog = () =>
    waitFor(
      'the publisher at the head',
      async () => ({ checkpoint: await checkpoint(), head: await db.store.headPosition() }),
      (p) => p.checkpoint === p.head,
      { timeoutMs: 60_000 },
    );

  beforeAll(async () => {
    db = await startMessagingDatabase();
    await recordDirectly(db.store, orderHistories(4_000, 'P'));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill('SIGKILL')));
    await db?.stop();
  });

  it('lets a standby take over from the checkpoint of a publisher killed mid-way: no gap, repeats only after it', async () => {
    const first = startPublisherProcess();
    await first.waitForLine(TOOK_THE_LOCK);
    const standby = startPublisherProcess();
    await waitFor('the first past 1,500', checkpoint, (p) => p >= 1_500, { intervalMs: 5 });

    // Frozen, it can neither publish nor checkpoint, and still holds the lock: its last word is final.
    first.child.kill('SIGSTOP');
    const killedAt = await checkpoint();
    expect(standby.output()).not.toMatch(TOOK_THE_LOCK);
    await first.kill('SIGKILL');
    expect(killedAt).toBeLessThan(await db.store.headPosition());

    await standby.waitForLine(TOOK_THE_LOCK);
    await caughtUpWithTheLog();
    const feed = await readTopic(kafka, topic);
    const log = await wholeLog(db.store);
    expect(feedProblems(feed, log)).toEqual([]);

    const timesPublished = new Map<string, number>();
    for (const m of feed)
      timesPublished.set(m.headers['event-id']!, (timesPublished.get(m.headers['event-id']!) ?? 0) + 1);
    const repeatedAtOrBeforeCheckpoint = log.filter(
      (e) => e.globalPosition <= killedAt && timesPublished.get(e.eventId)! > 1,
    );
    expect(repeatedAtOrBeforeCheckpoint).toEqual([]);

    const status = await new PublisherStatus(db.pool, db.store, topic).health(await db.store.headPosition());
    expect(status).toMatchObject({ activeSomewhere: true, status: 'standby', eventsBehind: 0 });
    expect(await standby.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await new PublisherStatus(db.pool, db.store, topic).health(0)).toMatchObject({
      activeSomewhere: false,
    });
  }, 120_000);

  it('publishes only what was appended since, after a clean stop and a restart', async () => {
    const before = await readTopic(kafka, topic);
    const stoppedAt = await checkpoint();
    await recordDirectly(db.store, orderHistories(300, 'Q'));

    const restarted = startPublisherProcess();
    await restarted.waitForLine(TOOK_THE_LOCK);
    await caughtUpWithTheLog();
    const feed = await readTopic(kafka, topic);
    const log = await wholeLog(db.store);
    expect(feedProblems(feed, log)).toEqual([]);
    const added = feed.length - before.length;
    expect(added).toBe(log.filter((e) => e.globalPosition > stoppedAt).length);
  }, 60_000);
});
