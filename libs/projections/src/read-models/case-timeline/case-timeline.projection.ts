import { eventFact, oneRowPerEvent, type ReadModelTable } from '../read-model-table.js';
import {
  CaseAssignment,
  CasePriorityRaise,
  CaseRating,
  CaseRepeatContact,
  CaseResponse,
  CaseSorting,
  CaseStatusChange,
  ReceivedCase,
} from './case-timeline.entities.js';
import { caseLoads } from './case-loads.table.js';
import { followUps } from './follow-ups.table.js';

export const receivedCases = oneRowPerEvent(
  ReceivedCase,
  ['ComplaintReceived'],
  (e): ReceivedCase => {
    const d = e.data;
    return {
      caseId: d.caseId,
      receivedAt: e.occurredAt,
      channel: d.channel,
      complainantType: d.complainant.type,
      complainantId: d.complainant.id,
      complainantName: d.complainant.name ?? null,
      distributorId: d.distributorId ?? (d.complainant.type === 'distributor' ? d.complainant.id : null),
      orderId: d.orderId ?? null,
      subject: d.subject,
      eventId: e.eventId,
      globalPosition: e.globalPosition,
    };
  },
  (e) => [e.data.caseId],
);

export const caseSortings = oneRowPerEvent(CaseSorting, ['CaseSorted'], (e): CaseSorting => {
  const d = e.data;
  return {
    caseId: d.caseId,
    category: d.category,
    complexity: d.complexity,
    priority: d.priority,
    sortedBy: d.sortedBy,
    ...eventFact(e),
  };
});

export const casePriorityRaises = oneRowPerEvent(
  CasePriorityRaise,
  ['CasePriorityRaised'],
  (e): CasePriorityRaise => {
    const d = e.data;
    return {
      caseId: d.caseId,
      fromPriority: d.from,
      toPriority: d.to,
      reason: d.reason,
      ...eventFact(e),
    };
  },
);

export const caseAssignments = oneRowPerEvent(CaseAssignment, ['CaseAssigned'], (e): CaseAssignment => {
  const d = e.data;
  return {
    caseId: d.caseId,
    assigneeId: d.assigneeId,
    previousAssigneeId: d.previousAssigneeId ?? null,
    reason: d.reason,
    ...eventFact(e),
  };
});

export const caseStatusChanges = oneRowPerEvent(
  CaseStatusChange,
  ['CaseResolved', 'CaseReopened'],
  (e): CaseStatusChange => {
    if (e.type === 'CaseResolved') {
      const d = e.data;
      return {
        caseId: d.caseId,
        status: 'resolved',
        note: d.resolution,
        resolvedBy: d.resolvedBy,
        ...eventFact(e),
      };
    }
    const d = e.data;
    return {
      caseId: d.caseId,
      status: 'reopened',
      note: d.reason,
      resolvedBy: null,
      ...eventFact(e),
    };
  },
);

export const caseResponses = oneRowPerEvent(CaseResponse, ['ResponseSent'], (e): CaseResponse => {
  const d = e.data;
  return {
    caseId: d.caseId,
    channel: d.channel,
    respondedBy: d.respondedBy,
    ...eventFact(e),
  };
});

export const caseRepeatContacts = oneRowPerEvent(
  CaseRepeatContact,
  ['CaseContactRepeated'],
  (e): CaseRepeatContact => {
    const d = e.data;
    return {
      caseId: d.caseId,
      channel: d.channel,
      ...eventFact(e),
    };
  },
);

export const caseRatings = oneRowPerEvent(CaseRating, ['SatisfactionRecorded'], (e): CaseRating => {
  const d = e.data;
  return {
    caseId: d.caseId,
    rating: d.rating,
    ...eventFact(e),
  };
});

/**
 * Every fact of every case, at its business time: what rep workload and follow-through are computed
 * from; and each case's load now, in log order, where auto-assignment starts after a restart.
 */
export const caseTimelineTables: ReadModelTable[] = [
  receivedCases,
  caseSortings,
  casePriorityRaises,
  caseAssignments,
  caseStatusChanges,
  caseResponses,
  caseRepeatContacts,
  caseRatings,
  followUps,
  caseLoads,
] as ReadModelTable[];
