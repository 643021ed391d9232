/** Analysts query this schema; the API reads its reports from it. */
export const READ_MODELS_SCHEMA = 'read_models';
/** A rebuild fills tables of the same names here, then moves them into `read_models` in one transaction. */
export const REBUILD_SCHEMA = 'read_models_rebuild';
