/** Injection tokens of the ports the application depends on. */
export const EVENT_STORE = Symbol('EventStore');
export const CLOCK = Symbol('Clock');
export const DEPLOYMENT_CURRENCY = Symbol('DeploymentCurrency');
/** How many commands may work at once (CommandAdmission); optional. */
export const COMMANDS_IN_FLIGHT = Symbol('CommandsInFlight');

/** Time enters the application here only, so tests can fix it. */
export interface Clock {
  /** ISO-8601 UTC with three fractional digits. */
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };
/** Commands that may wait for a turn before more are refused with 503 (COMMANDS_WAITING_MAX). */
export const COMMANDS_WAITING_MAX = Symbol('CommandsWaitingMax');
/**
 * Optional: where the department's workload stands in the read models (`readWorkloadSeed`), so
 * auto-assignment after a restart folds the log from there instead of from its first event.
 */
export const WORKLOAD_SEED = Symbol('WorkloadSeed');
