import { generateKeyPairSync } from 'node:crypto';
import pg from 'pg';
import { digestsAfter, issueDigest, signingKeyFrom, type LogDigest } from '#audit';
import { PostgresEventStore, withApplicationRole, type NewEvent, openPool } from '#event-store';
import { createDatabase, type RunningPostgres } from '#embedded-postgres';
import { startDigestPublisher } from '#messaging';
import { migrateAll } from '#runtime';
import { startTestPostgres } from '../support/embedded-postgres.js';
import { describeKafka, kafkaClient, uniqueTopic } from '../support/kafka/index.js';
import { readTopic, testKafkaSettings } from './support/kafka-io.js';
import { waitFor } from './support/wait-for.js';

/** With Kafka on, every signed digest also goes to caseledger.digests (SPEC §7.1), in order, and resumes from its checkpoint. */
describeKafka('publication of signed digests', () => {
  const kafka = kafkaClient('caseledger-digests-test');
  const settings = testKafkaSettings('digests');
  const topic = uniqueTopic('digests');
  const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey, 'test key');
  let server: RunningPostgres;
  let store: PostgresEventStore;
  let pool: pg.Pool;

  const budget = (n: number): NewEvent => ({
    eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'GoodwillBudgetAllocated',
    occurredAt: '2026-12-01T09:00:00.000Z',
    data: { staffId: 'C-1', month: '2026-12', amountCents: n },
    metadata: {
      actorId: 'S-1',
      actorRoles: ['supervisor'],
      correlationId: 'c',
      causationId: 'c',
      standardsVersion: 1,
      schemaVersion: 1,
    },
  });
  const appendAndIssue = async (n: number, expectedRevision: number | 'no_stream') => {
    await store.appendToStream('goodwill-C-1', [budget(n)], { expectedRevision });
    const client = await pool.connect();
    try {
      return (await issueDigest(client, key, new Date()))!;
    } finally {
      client.release();
    }
  };
  const publisher = () =>
    startDigestPublisher({
      pool,
      kafka: settings,
      topic,
      pollMs: 50,
      readDigests: async (after, limit) =>
        (await digestsAfter(pool, after, limit)).map((d) => ({
          position: d.position,
          keyId: d.keyId,
          json: JSON.stringify(d),
        })),
    });
  const published = async (count: number) =>
    waitFor(
      `${count} digests on ${topic}`,
      () => readTopic(kafka, topic).catch(() => []),
      (messages) => messages.length >= count,
      { timeoutMs: 30_000 },
    );

  beforeAll(async () => {
    server = await startTestPostgres();
    const url = await createDatabase(server.url, 'caseledger');
    await migrateAll(url);
    store = new PostgresEventStore({
      connection: { connectionString: url },
      poolSize: 2,
      onBackgroundError: () => undefined,
    });
    pool = openPool({ ...withApplicationRole({ connectionString: url }), max: 3 }, () => undefined);
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await store?.close();
    await server?.stop();
  });

  it('publishes each digest once, in position order, on one partition; after a restart it resumes where it left off', async () => {
    const issued: LogDigest[] = [await appendAndIssue(1, 'no_stream'), await appendAndIssue(2, 0)];
    let running = publisher();
    const first = await published(2);
    await running.stop();
    issued.push(await appendAndIssue(3, 1));
    running = publisher();
    const all = await published(3);
    await running.stop();
    expect(first).toHaveLength(2);
    expect(all.map((m) => JSON.parse(m.value!))).toEqual(issued);
    expect(all.map((m) => [m.partition, m.key, m.headers.position])).toEqual(
      issued.map((d) => [0, key.keyId, String(d.position)]),
    );
  }, 90_000);
});
