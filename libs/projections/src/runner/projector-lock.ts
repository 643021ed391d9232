import { lockOnKeys } from '#event-store';

/**
 * The projector's and the rebuild's locks, on two int4 keys so that operators find them in pg_locks
 * as `classid = 20261105` and `objid` 1 (projector) or 2 (rebuild); docs/read-models.md names them.
 */
export const LOCK_CLASS = 20261105;
export const PROJECTOR_LOCK = 1;
export const REBUILD_LOCK = 2;

/** One active projector, in any process. */
export const projectorLock = lockOnKeys(LOCK_CLASS, PROJECTOR_LOCK);
/** One rebuild at a time. */
export const rebuildLock = lockOnKeys(LOCK_CLASS, REBUILD_LOCK);
