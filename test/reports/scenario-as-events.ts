import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '#event-store';
import { SUPERVISOR, type Priority, type Step } from './scenario-steps.js';

type Produced = { streamId: string; type: string; data: Record<string, unknown> };

const on = (streamId: string, type: string, data: Record<string, unknown>): Produced => ({
  streamId,
  type,
  data,
});
const onCase = (caseId: string, type: string, data: Record<string, unknown>) =>
  on(`case-${caseId}`, type, { caseId, ...data });

const RAISE: Record<Priority, Priority | null> = {
  low: 'normal',
  normal: 'high',
  high: 'urgent',
  urgent: null,
};

/**
 * Turns scenario steps into the events the domain records for them (the int test appends them to
 * the log directly; the e2e test sends the commands and lets the domain decide). Keeps the little
 * case state those events depend on: assignee, priority, channel.
 */
export class ScenarioEvents {
  private readonly cases = new Map<
    string,
    { channel: string; assigneeId: string | null; priority: Priority | null }
  >();
  private standardsVersion = 1;

  /** The stream and events a step appends. */
  eventsOf(step: Step): Produced[] {
    switch (step.kind) {
      case 'registerStaff': {
        const { staffId, name, roles, skillLevel } = step;
        return [on(`staff-${staffId}`, 'StaffMemberRegistered', { staffId, name, roles, skillLevel })];
      }
      case 'changeStaff': {
        const { kind: _kind, at: _at, staffId, ...changes } = step;
        return [on(`staff-${staffId}`, 'StaffMemberChanged', { staffId, ...changes })];
      }
      case 'setStandards': {
        const { kind: _kind, at: _at, ...standards } = step;
        return [on('standards', 'ServiceStandardsSet', { version: ++this.standardsVersion, ...standards })];
      }
      case 'allocateBudget': {
        const { staffId, month, amountCents } = step;
        return [
          on(`goodwill-${staffId}`, 'GoodwillBudgetAllocated', {
            staffId,
            month,
            amountCents,
            allocatedBy: SUPERVISOR,
          }),
        ];
      }
      case 'receive': {
        const { caseId, channel, complainant, distributorId, subject } = step;
        this.cases.set(caseId, { channel, assigneeId: null, priority: null });
        const distributor = distributorId ? { distributorId } : {};
        return [
          onCase(caseId, 'ComplaintReceived', {
            channel,
            complainant,
            ...distributor,
            subject,
            body: `About ${subject}`,
          }),
          on(`complainant-${complainant.type}-${complainant.id}`, 'ComplainantCaseOpened', {
            caseId,
            complainant,
            subjectKey: subject.toLowerCase(),
          }),
        ];
      }
      case 'repeat': {
        const c = this.cases.get(step.caseId)!;
        const repeated = onCase(step.caseId, 'CaseContactRepeated', {
          channel: step.channel,
          body: 'Writing again',
        });
        const to = c.priority === null ? null : RAISE[c.priority];
        if (to === null) return [repeated];
        const raised = onCase(step.caseId, 'CasePriorityRaised', {
          from: c.priority,
          to,
          reason: 'repeat contact',
        });
        c.priority = to;
        return [repeated, raised];
      }
      case 'sort': {
        const { caseId, complexity, priority, assigneeId } = step;
        const c = this.cases.get(caseId)!;
        const sorted = onCase(caseId, 'CaseSorted', {
          category: 'product',
          complexity,
          priority,
          sortedBy: SUPERVISOR,
        });
        c.priority = priority;
        return c.assigneeId === assigneeId ? [sorted] : [sorted, this.assigned(caseId, assigneeId, 'sort')];
      }
      case 'assign':
        return [this.assigned(step.caseId, step.assigneeId, step.reason)];
      case 'respond': {
        const channel = this.cases.get(step.caseId)!.channel;
        return [onCase(step.caseId, 'ResponseSent', { channel, summary: 'Answered', respondedBy: step.by })];
      }
      case 'promise': {
        const { caseId, followUpId, dueAt, by } = step;
        return [
          onCase(caseId, 'FollowUpPromised', { followUpId, dueAt, description: 'Call back', promisedBy: by }),
        ];
      }
      case 'complete':
        return [
          onCase(step.caseId, 'FollowUpCompleted', { followUpId: step.followUpId, completedBy: step.by }),
        ];
      case 'resolve':
        return [onCase(step.caseId, 'CaseResolved', { resolution: 'Sorted out', resolvedBy: step.by })];
      case 'reopen':
        return [onCase(step.caseId, 'CaseReopened', { reason: 'Not sorted out after all' })];
      case 'rate':
        return [onCase(step.caseId, 'SatisfactionRecorded', { rating: step.rating })];
      case 'grant': {
        const { grantId, staffId, caseId, goodwill, amountCents, by, overBudget } = step;
        const product = goodwill === 'product' ? { sku: `SKU-${grantId}`, quantity: 1 } : {};
        const approval = by === SUPERVISOR ? { approvedBy: SUPERVISOR } : {};
        const data = {
          grantId,
          staffId,
          caseId,
          kind: goodwill,
          amountCents,
          ...product,
          reason: 'Goodwill',
          ...approval,
          overBudget,
        };
        return [on(`goodwill-${staffId}`, 'GoodwillGranted', data)];
      }
      case 'refund': {
        const { refundId, orderId, caseId, amountCents, by } = step;
        const data = { refundId, orderId, caseId, amountCents, reason: 'Money-back guarantee', issuedBy: by };
        return [on(`order-${orderId}`, 'RefundIssued', data)];
      }
      case 'orderPlaced': {
        const { orderId, distributorId, totalCents } = step;
        return [on(`order-${orderId}`, 'OrderPlaced', { orderId, distributorId, totalCents })];
      }
      case 'orderCancelled':
        return [
          on(`order-${step.orderId}`, 'OrderCancelled', { orderId: step.orderId, reason: 'Changed mind' }),
        ];
      case 'orderReturned':
        return [
          on(`order-${step.orderId}`, 'OrderReturned', {
            orderId: step.orderId,
            amountCents: step.amountCents,
          }),
        ];
    }
  }

  private assigned(caseId: string, assigneeId: string, reason: string): Produced {
    const c = this.cases.get(caseId)!;
    const previous = c.assigneeId ? { previousAssigneeId: c.assigneeId } : {};
    c.assigneeId = assigneeId;
    return onCase(caseId, 'CaseAssigned', { assigneeId, ...previous, reason });
  }
}

/** Appends every step's events to the log, in order, each at its business time. */
export async function appendScenario(store: EventStore, steps: Step[]): Promise<number> {
  const translate = new ScenarioEvents();
  let position = 0;
  for (const step of steps) {
    const byStream = new Map<string, NewEvent[]>();
    for (const e of translate.eventsOf(step)) {
      const metadata = {
        actorId: 'scenario',
        actorRoles: ['supervisor'],
        correlationId: randomUUID(),
        causationId: randomUUID(),
        standardsVersion: 1,
        schemaVersion: 1,
      };
      byStream.set(e.streamId, [
        ...(byStream.get(e.streamId) ?? []),
        { eventId: randomUUID(), type: e.type, occurredAt: step.at, data: e.data, metadata },
      ]);
    }
    const results = await store.appendToStreams(
      [...byStream].map(([streamId, events]) => ({ streamId, events, expectedRevision: 'any' as const })),
    );
    position = Math.max(position, ...results.map((r) => r.globalPosition));
  }
  return position;
}
