// Audit and accountability (SPEC §7, the audit routes of §4): chain verification, the audit trail
// query, NDJSON exports. The canonical JSON and the hash are the event store's (#event-store).
export {
  verifyChains,
  type VerificationReport,
  type VerificationProgress,
  type VerifyOptions,
} from './chains/verify-chains.js';
export { compareChainPositions } from './chains/chain-order.js';
export type { AuditLog, AuditEventFilter, AuditEventPage } from './audit-log/audit-log.js';
export { PostgresAuditLog, type PostgresAuditLogOptions } from './audit-log/postgres-audit-log.js';
export {
  findAuditEvents,
  auditEventsMatching,
  type AuditEventsQuery,
  type AuditEventsAnswer,
} from './events/audit-events.js';
export { writeNdjson } from './export/ndjson-export.js';
export * from './digests/index.js';
