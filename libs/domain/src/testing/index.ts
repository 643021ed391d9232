// Test support for the domain (and the layers above): specifications and fixtures that read like
// the department. Not part of the production barrel (it uses jest's expect).
export * from './clock.js';
export * from './decider-specification.js';
export * from './staff-fixtures.js';
export * from './complaint-fixtures.js';
export * from './case-fixtures.js';
export * from './money-fixtures.js';
