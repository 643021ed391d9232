export * from './database.js';
export * from './jwt-secret.js';
export * from './event-store-factory.js';
export * from './operator-database.js';
export * from './process-guard.js';
export * from './database-connection.js';
export * from './sign-token.js';
// Least privilege (SPEC §7): the owner and runtime logins, the start-up check, `db setup`.
export { prepareDatabase, type PrepareOptions } from './logins/prepare-database.js';
export { ensureRuntimeLogin, type RuntimeLoginResult } from './logins/runtime-login.js';
export { checkRuntimeLogin, runtimeLoginFacts, RuntimeLoginRefused } from './logins/runtime-login-check.js';
export { migrateAll } from './logins/migrate-all.js';
export { EMBEDDED_LOGINS_FILE } from './logins/embedded-logins.js';
export { DEFAULT_RUNTIME_ROLE } from './logins/role-name.js';
export { prepareProcessDatabase } from './logins/prepare-process-database.js';
// The parts a process is composed of, the same in `npm start` and in the separate apps.
export { startProjectorPart, type ProjectorPart } from './composition/projector-part.js';
export { startDigestPart, type DigestPart } from './composition/digest-part.js';
export { startKafkaPart, type KafkaPartOptions } from './composition/kafka-part.js';
