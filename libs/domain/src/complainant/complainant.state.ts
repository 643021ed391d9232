import { assertNever, type Timed } from '../shared/decider.js';
import type { ComplainantEvent } from './complainant.events.js';

/** The complainant's cases with their subject keys, in the order they were opened. */
export interface ComplainantState {
  cases: Array<{ caseId: string; subjectKey: string }>;
}

export const initialComplainantState = (): ComplainantState => ({ cases: [] });

export function evolveComplainant(state: ComplainantState, event: Timed<ComplainantEvent>): ComplainantState {
  switch (event.type) {
    case 'ComplainantCaseOpened':
      return { cases: [...state.cases, { caseId: event.data.caseId, subjectKey: event.data.subjectKey }] };
    default:
      return assertNever(event.type);
  }
}

/** The complainant's case ids under this subject key, earliest first. */
export const casesAbout = (state: ComplainantState, subjectKey: string): string[] =>
  state.cases.filter((c) => c.subjectKey === subjectKey).map((c) => c.caseId);
