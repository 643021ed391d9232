import { assertNever, type Timed } from '../shared/decider.js';
import { compareInstants } from '../shared/time.js';
import { DEFAULT_STANDARDS, pickFirstResponseHours, type ServiceStandards } from './service-standards.js';
import type { StandardsEvent } from './standards.events.js';

/** Every set, with the business time from which it is in force, in log order. */
export interface StandardsState {
  sets: Array<{ standards: ServiceStandards; occurredAt: string }>;
}

export const initialStandardsState = (): StandardsState => ({ sets: [] });

export function evolveStandards(state: StandardsState, event: Timed<StandardsEvent>): StandardsState {
  switch (event.type) {
    case 'ServiceStandardsSet': {
      const {
        version,
        firstResponseHours,
        goodwillPctOfSalesGuideline,
        goodwillPerGrantLimitCents,
        refundLimitCents,
      } = event.data;
      const standards: ServiceStandards = {
        version,
        firstResponseHours: pickFirstResponseHours(firstResponseHours),
        goodwillPctOfSalesGuideline,
        goodwillPerGrantLimitCents,
        refundLimitCents,
      };
      return { sets: [...state.sets, { standards, occurredAt: event.occurredAt }] };
    }
    default:
      return assertNever(event.type);
  }
}

/** The highest version given so far; 1 (the defaults) when none was set. */
export const latestVersion = (state: StandardsState): number =>
  state.sets.reduce((max, s) => Math.max(max, s.standards.version), DEFAULT_STANDARDS.version);

/**
 * The standards in force at `at`: the set with the greatest occurredAt ≤ at (a back-dated set counts
 * from its occurredAt; on equal occurredAt the greater version), else the defaults.
 */
export function standardsInForceAt(state: StandardsState, at: string): ServiceStandards {
  let best: { standards: ServiceStandards; occurredAt: string } | undefined;
  for (const set of state.sets) {
    if (compareInstants(set.occurredAt, at) > 0) continue;
    if (!best) {
      best = set;
      continue;
    }
    const order = compareInstants(set.occurredAt, best.occurredAt);
    if (order > 0 || (order === 0 && set.standards.version > best.standards.version)) best = set;
  }
  return best ? best.standards : DEFAULT_STANDARDS;
}
