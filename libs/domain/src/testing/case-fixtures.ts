import type { WorkloadEntry } from '../case/auto-assignment.js';
import type {
  AssignCase,
  CompleteFollowUp,
  PromiseFollowUp,
  RecordSatisfaction,
  ReopenCase,
  ResolveCase,
  SendResponse,
  SortCase,
} from '../case/case.commands.js';
import { caseDecider } from '../case/case.decider.js';
import type { CaseEvent } from '../case/case.events.js';
import type { CaseState } from '../case/case.state.js';
import type { AssignmentReason, Category, Channel, Priority, Rating } from '../case/case.values.js';
import type { Actor } from '../shared/actor.js';
import type { StaffMemberState } from '../staff/staff.state.js';
import { DAY, GIVEN_AT, metadataFor, plusMs, type When } from './clock.js';
import { aComplaint, type ComplaintBuilder } from './complaint-fixtures.js';
import { stateOf } from './decider-specification.js';

/** A case's history, told step by step: `aCase().sorted().assignedTo('C-1').responded().resolved()`. */
export class CaseHistory {
  constructor(
    readonly caseId: string,
    private readonly log: CaseEvent[],
    private readonly assignee: string | null,
  ) {}

  private then(event: CaseEvent, assignee = this.assignee): CaseHistory {
    return new CaseHistory(this.caseId, [...this.log, event], assignee);
  }

  sorted(
    fields: { category?: Category; complexity?: number; priority?: Priority; by?: string } = {},
  ): CaseHistory {
    const { category = 'product', complexity = 3, priority = 'normal', by = 'SORT-1' } = fields;
    return this.then({
      type: 'CaseSorted',
      data: { caseId: this.caseId, category, complexity, priority, sortedBy: by },
    });
  }

  assignedTo(assigneeId: string, reason: AssignmentReason = 'sort'): CaseHistory {
    const previous = this.assignee !== null ? { previousAssigneeId: this.assignee } : {};
    return this.then(
      { type: 'CaseAssigned', data: { caseId: this.caseId, assigneeId, ...previous, reason } },
      assigneeId,
    );
  }

  /** Sorted and assigned in one go, as a sort with auto-assignment records it. */
  sortedTo(assigneeId: string, fields: { complexity?: number; priority?: Priority } = {}): CaseHistory {
    return this.sorted(fields).assignedTo(assigneeId);
  }

  priorityRaised(from: Priority, to: Priority): CaseHistory {
    return this.then({
      type: 'CasePriorityRaised',
      data: { caseId: this.caseId, from, to, reason: 'repeat contact' },
    });
  }

  contactRepeated(channel: Channel = 'email', body = 'Still waiting.'): CaseHistory {
    return this.then({ type: 'CaseContactRepeated', data: { caseId: this.caseId, channel, body } });
  }

  responded(by = this.assignee ?? 'C-1', channel: Channel = 'email'): CaseHistory {
    return this.then({
      type: 'ResponseSent',
      data: { caseId: this.caseId, channel, summary: 'We are sending a new lid.', respondedBy: by },
    });
  }

  promised(followUpId: string, by = this.assignee ?? 'C-1', dueAt = plusMs(GIVEN_AT, 2 * DAY)): CaseHistory {
    return this.then({
      type: 'FollowUpPromised',
      data: {
        caseId: this.caseId,
        followUpId,
        dueAt,
        description: 'Call back once the lid shipped',
        promisedBy: by,
      },
    });
  }

  completed(followUpId: string, by = this.assignee ?? 'C-1'): CaseHistory {
    return this.then({
      type: 'FollowUpCompleted',
      data: { caseId: this.caseId, followUpId, completedBy: by },
    });
  }

  resolved(by = this.assignee ?? 'C-1'): CaseHistory {
    return this.then({
      type: 'CaseResolved',
      data: { caseId: this.caseId, resolution: 'Replacement lid shipped', resolvedBy: by },
    });
  }

  reopened(reason = 'The new lid is cracked too'): CaseHistory {
    return this.then({ type: 'CaseReopened', data: { caseId: this.caseId, reason } });
  }

  rated(rating: Rating = 'satisfied'): CaseHistory {
    return this.then({ type: 'SatisfactionRecorded', data: { caseId: this.caseId, rating } });
  }

  events(): CaseEvent[] {
    return [...this.log];
  }

  state(): CaseState {
    return stateOf(caseDecider, this.log);
  }
}

/** A case opened by this complaint (default: distributor D-17 about a broken lid, by email). */
export const aCase = (complaint: ComplaintBuilder | string = 'case-1'): CaseHistory => {
  const c = typeof complaint === 'string' ? aComplaint(complaint) : complaint;
  return new CaseHistory(c.caseId, [c.received()], null);
};

/** No ComplaintReceived: the case does not exist. */
export const noCase = (caseId = 'case-1'): CaseHistory => new CaseHistory(caseId, [], null);

interface By extends When {
  by: Actor;
}

export const sortCase = (
  fields: Partial<SortCase['data']> & { caseId?: string },
  options: By & { assignee?: StaffMemberState | null; workload?: WorkloadEntry[] },
): SortCase => ({
  type: 'SortCase',
  data: { caseId: 'case-1', category: 'product', complexity: 3, priority: 'normal', ...fields },
  metadata: metadataFor(options.by, options),
  context: { assignee: options.assignee ?? null, workload: options.workload ?? [] },
});

export const assignCase = (
  assigneeId: string,
  options: By & { assignee: StaffMemberState | null; reason?: AssignmentReason; caseId?: string },
): AssignCase => ({
  type: 'AssignCase',
  data: { caseId: options.caseId ?? 'case-1', assigneeId, reason: options.reason ?? 'manual' },
  metadata: metadataFor(options.by, options),
  context: { assignee: options.assignee },
});

export const sendResponse = (
  options: By & { caseId?: string; channel?: Channel; summary?: string },
): SendResponse => ({
  type: 'SendResponse',
  data: {
    caseId: options.caseId ?? 'case-1',
    channel: options.channel ?? 'email',
    summary: options.summary ?? 'We are sending a new lid.',
  },
  metadata: metadataFor(options.by, options),
});

export const promiseFollowUp = (
  followUpId: string,
  options: By & { caseId?: string; dueAt?: string; description?: string },
): PromiseFollowUp => ({
  type: 'PromiseFollowUp',
  data: {
    caseId: options.caseId ?? 'case-1',
    followUpId,
    dueAt: options.dueAt ?? '2026-09-17T12:00:00.000Z',
    description: options.description ?? 'Call back once the lid shipped',
  },
  metadata: metadataFor(options.by, options),
});

export const completeFollowUp = (
  followUpId: string,
  options: By & { caseId?: string; note?: string },
): CompleteFollowUp => ({
  type: 'CompleteFollowUp',
  data: {
    caseId: options.caseId ?? 'case-1',
    followUpId,
    ...(options.note !== undefined ? { note: options.note } : {}),
  },
  metadata: metadataFor(options.by, options),
});

export const resolveCase = (options: By & { caseId?: string; resolution?: string }): ResolveCase => ({
  type: 'ResolveCase',
  data: { caseId: options.caseId ?? 'case-1', resolution: options.resolution ?? 'Replacement lid shipped' },
  metadata: metadataFor(options.by, options),
});

export const reopenCase = (options: By & { caseId?: string; reason?: string }): ReopenCase => ({
  type: 'ReopenCase',
  data: { caseId: options.caseId ?? 'case-1', reason: options.reason ?? 'The new lid is cracked too' },
  metadata: metadataFor(options.by, options),
});

export const recordSatisfaction = (
  rating: Rating,
  options: By & { caseId?: string; comment?: string },
): RecordSatisfaction => ({
  type: 'RecordSatisfaction',
  data: {
    caseId: options.caseId ?? 'case-1',
    rating,
    ...(options.comment !== undefined ? { comment: options.comment } : {}),
  },
  metadata: metadataFor(options.by, options),
});
