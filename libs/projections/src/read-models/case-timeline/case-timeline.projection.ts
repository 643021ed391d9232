import type {
  CaseAssigned,
  CaseContactRepeated,
  CasePriorityRaised,
  CaseReopened,
  CaseResolved,
  CaseSorted,
  ComplaintReceived,
  ResponseSent,
  SatisfactionRecorded,
} from '#domain';
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
import { followUps } from './follow-ups.table.js';

type Data<E extends { data: unknown }> = E['data'];

export const receivedCases = oneRowPerEvent(
  ReceivedCase,
  ['ComplaintReceived'],
  (e): ReceivedCase => {
    const d = e.data as Data<ComplaintReceived>;
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
  (e) => [(e.data as Data<ComplaintReceived>).caseId],
);

export const caseSortings = oneRowPerEvent(CaseSorting, ['CaseSorted'], (e): CaseSorting => {
  const d = e.data as Data<CaseSorted>;
  return {
    ...eventFact(e),
    caseId: d.caseId,
    category: d.category,
    complexity: d.complexity,
    priority: d.priority,
    sortedBy: d.sortedBy,
  };
});

export const casePriorityRaises = oneRowPerEvent(
  CasePriorityRaise,
  ['CasePriorityRaised'],
  (e): CasePriorityRaise => {
    const d = e.data as Data<CasePriorityRaised>;
    return {
      ...eventFact(e),
      caseId: d.caseId,
      fromPriority: d.from,
      toPriority: d.to,
      reason: d.reason,
    };
  },
);

export const caseAssignments = oneRowPerEvent(CaseAssignment, ['CaseAssigned'], (e): CaseAssignment => {
  const d = e.data as Data<CaseAssigned>;
  return {
    ...eventFact(e),
    caseId: d.caseId,
    assigneeId: d.assigneeId,
    previousAssigneeId: d.previousAssigneeId ?? null,
    reason: d.reason,
  };
});

export const caseStatusChanges = oneRowPerEvent(
  CaseStatusChange,
  ['CaseResolved', 'CaseReopened'],
  (e): CaseStatusChange => {
    if (e.type === 'CaseResolved') {
      const d = e.data as Data<CaseResolved>;
      return {
        ...eventFact(e),
        caseId: d.caseId,
        status: 'resolved',
        note: d.resolution,
        resolvedBy: d.resolvedBy,
      };
    }
    const d = e.data as Data<CaseReopened>;
    return {
      ...eventFact(e),
      caseId: d.caseId,
      status: 'reopened',
      note: d.reason,
      resolvedBy: null,
    };
  },
);

export const caseResponses = oneRowPerEvent(CaseResponse, ['ResponseSent'], (e): CaseResponse => {
  const d = e.data as Data<ResponseSent>;
  return {
    ...eventFact(e),
    caseId: d.caseId,
    channel: d.channel,
    respondedBy: d.respondedBy,
  };
});

export const caseRepeatContacts = oneRowPerEvent(
  CaseRepeatContact,
  ['CaseContactRepeated'],
  (e): CaseRepeatContact => {
    const d = e.data as Data<CaseContactRepeated>;
    return {
      ...eventFact(e),
      caseId: d.caseId,
      channel: d.channel,
    };
  },
);

export const caseRatings = oneRowPerEvent(CaseRating, ['SatisfactionRecorded'], (e): CaseRating => {
  const d = e.data as Data<SatisfactionRecorded>;
  return {
    ...eventFact(e),
    caseId: d.caseId,
    rating: d.rating,
  };
});

/** Every fact of every case, at its business time: what rep workload and follow-through are computed from. */
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
] as ReadModelTable[];
