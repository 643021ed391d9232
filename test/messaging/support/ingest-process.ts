import type { Admin } from 'kafkajs';
import type pg from 'pg';
import type { KafkaSettings } from '#messaging';
import type { ReadMessage } from './kafka-io.js';
import { startNodeProcess, type NodeProcess } from './node-process.js';

/**
 * apps/ingest from dist/, on the test's database and topics, in its own consumer group, deployed as
 * in production: the runtime login as DATABASE_URL, the owner (migrations at start) apart.
 */
export function startIngestProcess(
  database: { url: string; runtimeUrl: string },
  settings: KafkaSettings,
  groupId: string,
): NodeProcess {
  return startNodeProcess('dist/apps/ingest/src/main.js', {
    DATABASE_URL: database.runtimeUrl,
    DATABASE_OWNER_URL: database.url,
    KAFKA_BROKERS: settings.brokers.join(','),
    KAFKA_ORDERS_TOPIC: settings.ordersTopic,
    KAFKA_EVENTS_TOPIC: settings.eventsTopic,
    KAFKA_TOPIC_PARTITIONS: String(settings.partitions),
    KAFKA_INGEST_GROUP: groupId,
    // The broker's minimum: a SIGKILLed replica's partitions move on after 6 s, not the default 10.
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    CURRENCY: 'USD',
    LOG_LEVEL: 'info',
  });
}

/** Partitions the process was given at its latest join ('kafka ingest joined the group' lines). */
export function latestAssignment(process: NodeProcess): number[] | null {
  const joins = process
    .output()
    .split('\n')
    .filter((line) => line.includes('joined the consumer group'))
    .map((line) => (JSON.parse(line) as { partitions: number[] }).partitions);
  return joins.at(-1) ?? null;
}

/**
 * The guarantee that makes a crash harmless: every message below the group's committed offset is
 * in the log. Returns the number of messages the committed offsets cover, and those missing.
 */
export async function committedButNotAppended(
  admin: Admin,
  pool: pg.Pool,
  groupId: string,
  topic: string,
  sent: ReadMessage[],
): Promise<{ committed: number; missing: string[] }> {
  const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const committedOf = (partition: number) =>
    Number(offsets!.partitions.find((p) => p.partition === partition)?.offset ?? -1);
  const ids = sent
    .filter((m) => m.offset < committedOf(m.partition))
    .map((m) => (JSON.parse(m.value!) as { eventId: string }).eventId);
  const { rows } = await pool.query<{ event_id: string }>(
    'SELECT event_id FROM event_store.events WHERE event_id = ANY($1::uuid[])',
    [ids],
  );
  const found = new Set(rows.map((r) => r.event_id));
  return { committed: ids.length, missing: ids.filter((id) => !found.has(id)) };
}
