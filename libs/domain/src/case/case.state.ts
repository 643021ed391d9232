import { assertNever, type Timed } from '../shared/decider.js';
import type { CaseEvent } from './case.events.js';
import {
  distributorOf,
  type Category,
  type Channel,
  type Complainant,
  type Priority,
  type Rating,
} from './case.values.js';

export interface FollowUpState {
  followUpId: string;
  dueAt: string;
  description: string;
  status: 'pending' | 'completed';
}

/**
 * A case as its own events tell it: what `GET /cases/{id}` shows (goodwill and refunds live in other
 * streams) plus what the rules need. `exists` is false until ComplaintReceived; until then the
 * identity fields (caseId, receivedAt, channel, subject) are '' and the others null.
 */
export interface CaseState {
  exists: boolean;
  caseId: string;
  status: 'open' | 'resolved';
  receivedAt: string;
  channel: Channel | '';
  complainant: Complainant | null;
  distributorId: string | null;
  orderId: string | null;
  subject: string;
  category: Category | null;
  complexity: number | null;
  priority: Priority | null;
  assigneeId: string | null;
  /** Counts. */
  responses: number;
  repeatContacts: number;
  followUps: FollowUpState[];
  /** Rating of the latest resolution; null after a reopen until rated again. */
  rating: Rating | null;
  /** Responses since the case was last reopened (all of them before any reopen). */
  responsesSinceReopen: number;
  /** Whether the current resolution has been rated. */
  ratedThisResolution: boolean;
  timesResolved: number;
  timesReopened: number;
}

export const initialCaseState = (): CaseState => ({
  exists: false,
  caseId: '',
  status: 'open',
  receivedAt: '',
  channel: '',
  complainant: null,
  distributorId: null,
  orderId: null,
  subject: '',
  category: null,
  complexity: null,
  priority: null,
  assigneeId: null,
  responses: 0,
  repeatContacts: 0,
  followUps: [],
  rating: null,
  responsesSinceReopen: 0,
  ratedThisResolution: false,
  timesResolved: 0,
  timesReopened: 0,
});

export function evolveCase(state: CaseState, event: Timed<CaseEvent>): CaseState {
  switch (event.type) {
    case 'ComplaintReceived': {
      const { caseId, channel, complainant, distributorId, orderId, subject } = event.data;
      return {
        ...initialCaseState(),
        exists: true,
        caseId,
        receivedAt: event.occurredAt,
        channel,
        complainant: { ...complainant },
        distributorId: distributorOf(complainant, distributorId),
        orderId: orderId ?? null,
        subject,
      };
    }
    case 'CaseContactRepeated':
      return { ...state, repeatContacts: state.repeatContacts + 1 };
    case 'CaseSorted': {
      const { category, complexity, priority } = event.data;
      return { ...state, category, complexity, priority };
    }
    case 'CaseAssigned':
      return { ...state, assigneeId: event.data.assigneeId };
    case 'CasePriorityRaised':
      return { ...state, priority: event.data.to };
    case 'ResponseSent':
      return {
        ...state,
        responses: state.responses + 1,
        responsesSinceReopen: state.responsesSinceReopen + 1,
      };
    case 'FollowUpPromised': {
      const { followUpId, dueAt, description } = event.data;
      const others = state.followUps.filter((f) => f.followUpId !== followUpId);
      return { ...state, followUps: [...others, { followUpId, dueAt, description, status: 'pending' }] };
    }
    case 'FollowUpCompleted': {
      const { followUpId } = event.data;
      const followUps = state.followUps.map((f): FollowUpState =>
        f.followUpId === followUpId ? { ...f, status: 'completed' } : f,
      );
      return { ...state, followUps };
    }
    case 'CaseResolved':
      return {
        ...state,
        status: 'resolved',
        rating: null,
        ratedThisResolution: false,
        timesResolved: state.timesResolved + 1,
      };
    case 'CaseReopened':
      return {
        ...state,
        status: 'open',
        rating: null,
        ratedThisResolution: false,
        responsesSinceReopen: 0,
        timesReopened: state.timesReopened + 1,
      };
    case 'SatisfactionRecorded':
      return { ...state, rating: event.data.rating, ratedThisResolution: true };
    default:
      return assertNever(event);
  }
}

export const isOpen = (state: CaseState): boolean => state.exists && state.status === 'open';
export const wasSorted = (state: CaseState): boolean => state.priority !== null;
export const pendingFollowUps = (state: CaseState): FollowUpState[] =>
  state.followUps.filter((f) => f.status === 'pending');
