// 10,000 upstream orders through the real ingest process (apps/ingest from dist/), SIGKILLed twice
// while it appends: the log must end with each event exactly once, because offsets are committed
// only after the append and the append is idempotent by eventId. Then the group is rewound to the
// start and everything is redelivered: the log must not move.
import { ReportQueries, startProjector } from '#projections';
import type { Admin } from 'kafkajs';
import { manyOrdersPlaced } from '../../libs/messaging/test/order-messages.js';
import { describeKafka, kafkaClient, uniqueTopic } from '../support/kafka/index.js';
import { committedButNotAppended, latestAssignment, startIngestProcess } from './support/ingest-process.js';
import {
  asRecords,
  groupCaughtUp,
  produce,
  readTopic,
  testKafkaSettings,
  type ReadMessage,
} from './support/kafka-io.js';
import {
  orderEventCount,
  orderLogFigures,
  startMessagingDatabase,
  type MessagingDatabase,
} from './support/messaging-database.js';
import { type NodeProcess } from './support/node-process.js';
import { waitFor } from './support/wait-for.js';

const COUNT = 10_000;

describeKafka('the ingest process, killed and restarted', () => {
  const kafka = kafkaClient('caseledger-ingest-crash-test');
  const settings = testKafkaSettings('ingest-crash');
  const groupId = uniqueTopic('ingest-crash.group');
  const { messages, totalCents } = manyOrdersPlaced(COUNT);
  let db: MessagingDatabase;
  let admin: Admin;
  let sent: ReadMessage[];
  let replicas: NodeProcess[] = [];

  const appended = () => orderEventCount(db.pool);
  const caughtUp = () => groupCaughtUp(admin, groupId, settings.ordersTopic);
  const untilCount = (what: string, atLeast: number) =>
    waitFor(what, appended, (n) => n >= atLeast, { timeoutMs: 60_000, intervalMs: 10 });

  beforeAll(async () => {
    db = await startMessagingDatabase({ readModels: true });
    admin = kafka.admin();
    await admin.connect();
    // The first process creates the topic as in production; producing first needs it to exist.
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: settings.ordersTopic, numPartitions: settings.partitions }],
    });
    await produce(kafka, settings.ordersTopic, asRecords(messages));
    sent = await readTopic(kafka, settings.ordersTopic);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(replicas.map((p) => p.kill('SIGKILL')));
    await admin?.disconnect();
    await db?.stop();
  });

  it(`appends each of ${COUNT.toLocaleString('en')} order events exactly once across two SIGKILLs`, async () => {
    const killedAt: number[] = [];
    for (const threshold of [2_000, 5_000]) {
      const ingest = startIngestProcess(db, settings, groupId);
      replicas = [ingest];
      await untilCount(`${threshold} appended`, threshold);
      await ingest.kill('SIGKILL');
      killedAt.push(await appended());
      // What was committed before the crash is in the log; the rest will be redelivered.
      expect(
        await committedButNotAppended(admin, db.pool, groupId, settings.ordersTopic, sent),
      ).toMatchObject({ missing: [] });
    }
    expect(killedAt.every((n) => n < COUNT)).toBe(true);

    // Two replicas after the second crash: they split the partitions of the one group.
    replicas = [startIngestProcess(db, settings, groupId), startIngestProcess(db, settings, groupId)];
    await waitFor('all committed', caughtUp, Boolean, { timeoutMs: 60_000, intervalMs: 200 });
    const [first, second] = await waitFor(
      'both replicas consuming',
      async () => replicas.map(latestAssignment),
      (assigned) => assigned.every((p) => p !== null && p.length > 0),
      { timeoutMs: 30_000 },
    );
    expect([...first!, ...second!].sort()).toEqual([0, 1, 2]);

    const figures = await orderLogFigures(db.pool);
    expect(figures).toMatchObject({ events: COUNT, distinctEventIds: COUNT, streams: COUNT, totalCents });
  }, 150_000);

  it('reports the produced total as net sales in the goodwill report', async () => {
    const projector = startProjector({ store: db.store, pool: db.pool, batchSize: 1000 });
    try {
      const head = await db.store.headPosition();
      expect(await projector.status.waitForPosition(head, 60_000)).toMatchObject({ reached: true });
      const report = await new ReportQueries(db.pool).goodwill(
        '2026-09-01T00:00:00.000Z',
        '2026-09-02T00:00:00.000Z',
        '2026-12-31T00:00:00.000Z',
      );
      expect(report.department.netSalesCents).toBe(totalCents);
    } finally {
      await projector.stop();
    }
  }, 90_000);

  it('stops on SIGTERM with exit code 0 and every offset committed', async () => {
    const exits = await Promise.all(replicas.map((p) => p.kill('SIGTERM')));
    expect(exits).toEqual(replicas.map(() => ({ code: 0, signal: null })));
    expect(await caughtUp()).toBe(true);
    expect(replicas.every((p) => p.output().includes('kafka ingest stopped'))).toBe(true);
  }, 60_000);

  it('changes nothing when the group is rewound to the beginning and everything is redelivered', async () => {
    const before = await orderLogFigures(db.pool);
    await admin.resetOffsets({ groupId, topic: settings.ordersTopic, earliest: true });
    expect(await caughtUp()).toBe(false);
    const ingest = startIngestProcess(db, settings, groupId);
    replicas = [ingest];
    await waitFor('redelivered and committed', caughtUp, Boolean, { timeoutMs: 60_000, intervalMs: 200 });
    expect(await ingest.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    // Same count, same last position: not one event appended again.
    expect(await orderLogFigures(db.pool)).toEqual(before);
    // It did see them all again: every one a duplicate, none appended.
    const stopped = ingest
      .output()
      .split('\n')
      .find((line) => line.includes('kafka ingest stopped'));
    expect(JSON.parse(stopped!)).toMatchObject({ appended: 0, duplicates: COUNT, deadLettered: 0 });
  }, 90_000);
});
