export * from './config.js';
export * from './env-file.js';
export * from './tunables.js';
