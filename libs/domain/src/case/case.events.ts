import type { AssignmentReason, Category, Channel, Complainant, Priority, Rating } from './case.values.js';

/** Events of `case-{caseId}`, with exactly the fields of SPEC §3, in the order of its table. */
export type ComplaintReceived = {
  type: 'ComplaintReceived';
  data: {
    caseId: string;
    channel: Channel;
    complainant: Complainant;
    distributorId?: string;
    orderId?: string;
    subject: string;
    body: string;
  };
};

/** The same complainant wrote again about the same open matter. */
export type CaseContactRepeated = {
  type: 'CaseContactRepeated';
  data: { caseId: string; channel: Channel; body: string };
};

export type CaseSorted = {
  type: 'CaseSorted';
  data: { caseId: string; category: Category; complexity: number; priority: Priority; sortedBy: string };
};

export type CaseAssigned = {
  type: 'CaseAssigned';
  data: { caseId: string; assigneeId: string; previousAssigneeId?: string; reason: AssignmentReason };
};

export type CasePriorityRaised = {
  type: 'CasePriorityRaised';
  data: { caseId: string; from: Priority; to: Priority; reason: string };
};

export type ResponseSent = {
  type: 'ResponseSent';
  data: { caseId: string; channel: Channel; summary: string; respondedBy: string };
};

export type FollowUpPromised = {
  type: 'FollowUpPromised';
  data: { caseId: string; followUpId: string; dueAt: string; description: string; promisedBy: string };
};

export type FollowUpCompleted = {
  type: 'FollowUpCompleted';
  data: { caseId: string; followUpId: string; completedBy: string; note?: string };
};

export type CaseResolved = {
  type: 'CaseResolved';
  data: { caseId: string; resolution: string; resolvedBy: string };
};

export type CaseReopened = {
  type: 'CaseReopened';
  data: { caseId: string; reason: string };
};

export type SatisfactionRecorded = {
  type: 'SatisfactionRecorded';
  data: { caseId: string; rating: Rating; comment?: string };
};

export type CaseEvent =
  | ComplaintReceived
  | CaseContactRepeated
  | CaseSorted
  | CaseAssigned
  | CasePriorityRaised
  | ResponseSent
  | FollowUpPromised
  | FollowUpCompleted
  | CaseResolved
  | CaseReopened
  | SatisfactionRecorded;
