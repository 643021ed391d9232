// Read models of SPEC §6: pure projections (row, event) → row, the runner that applies the log to
// them exactly once, the rebuild, and the three reports computed from them.
export * from './read-models/schema.js';
export * from './read-models/read-model-table.js';
export * from './read-models/projections.js';
export * from './read-models/entities.js';
export * from './migrations/index.js';
export * from './migrations/migrate-read-models.js';
export * from './runner/fold-events.js';
export * from './runner/apply-batch.js';
export * from './runner/checkpoints.js';
export * from './runner/projection-runner.js';
export * from './runner/projection-status.js';
export * from './runner/projector-lock.js';
export * from './rebuild/rebuild-projections.js';
export * from './rebuild/rebuild-progress-printer.js';
export * from './reports/report-math.js';
export * from './reports/staff-as-of.js';
export * from './reports/rep-workload/rep-workload.js';
export * from './reports/goodwill/goodwill.js';
export * from './reports/follow-through/follow-through.js';
export * from './reports/report-queries.js';
export * from './projector/start-projector.js';
// The case list (GET /cases): current state of each case from the case-timeline read model.
export * from './case-list/case-list.js';
export * from './case-list/case-list-queries.js';
export * from './standards/standards-in-force.query.js';
export * from './standards/goodwill-account.query.js';
export * from './workload/workload-seed.query.js';
