import type { CommandMetadata } from '../shared/command.js';
import type { StaffMemberState } from '../staff/staff.state.js';
import type { WorkloadEntry } from './auto-assignment.js';
import type { AssignmentReason, Category, Channel, Priority, Rating } from './case.values.js';

/** Commands on `case-{caseId}`. Opening a case is the complainant decider's (ReceiveComplaint). */
export type SortCase = {
  type: 'SortCase';
  data: { caseId: string; category: Category; complexity: number; priority: Priority; assigneeId?: string };
  metadata: CommandMetadata;
  /** The explicit assignee's staff record (null without one); the workload for auto-assignment. */
  context: { assignee: StaffMemberState | null; workload: WorkloadEntry[] };
};

export type AssignCase = {
  type: 'AssignCase';
  data: { caseId: string; assigneeId: string; reason: AssignmentReason };
  metadata: CommandMetadata;
  context: { assignee: StaffMemberState | null };
};

export type SendResponse = {
  type: 'SendResponse';
  data: { caseId: string; channel: Channel; summary: string };
  metadata: CommandMetadata;
};

export type PromiseFollowUp = {
  type: 'PromiseFollowUp';
  data: { caseId: string; followUpId: string; dueAt: string; description: string };
  metadata: CommandMetadata;
};

export type CompleteFollowUp = {
  type: 'CompleteFollowUp';
  data: { caseId: string; followUpId: string; note?: string };
  metadata: CommandMetadata;
};

export type ResolveCase = {
  type: 'ResolveCase';
  data: { caseId: string; resolution: string };
  metadata: CommandMetadata;
};

export type ReopenCase = {
  type: 'ReopenCase';
  data: { caseId: string; reason: string };
  metadata: CommandMetadata;
};

export type RecordSatisfaction = {
  type: 'RecordSatisfaction';
  data: { caseId: string; rating: Rating; comment?: string };
  metadata: CommandMetadata;
};

export type CaseCommand =
  | SortCase
  | AssignCase
  | SendResponse
  | PromiseFollowUp
  | CompleteFollowUp
  | ResolveCase
  | ReopenCase
  | RecordSatisfaction;
