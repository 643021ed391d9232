// Kafka in and out (SPEC §5): upstream order events ingested into the log, the log published as
// the event feed. Both run in `npm start` when KAFKA_BROKERS is set; the ingest also runs alone
// (apps/ingest) as any number of replicas.
export * from './kafka/kafka-settings.js';
export * from './kafka/ensure-topics.js';
export * from './ingest/order-message-decoder.js';
export * from './ingest/dead-letter.js';
export * from './ingest/ingest-chunk.js';
export * from './ingest/ingest-status.js';
export * from './ingest/start-ingest.js';
export * from './publish/feed-message.js';
export * from './publish/publisher-checkpoint.js';
export * from './publish/publisher-lock.js';
export * from './publish/publisher-status.js';
export * from './publish/event-publisher.js';
export * from './publish/start-publisher.js';
export * from './publish/digest-publisher.js';
export * from './migrations/index.js';
export * from './health/kafka-health.js';
