export * from './database.js';
export * from './jwt-secret.js';
export * from './event-store-factory.js';
export * from './operator-database.js';
export * from './process-guard.js';
export * from './embedded-supervisor.js';
export * from './database-connection.js';
