import { randomUUID } from 'node:crypto';
import type { Http, Reply } from '../support/http.js';
import type { ReportsTestApp } from './reports-test-app.js';
import { INTAKE, SUPERVISOR, type Step } from './scenario-steps.js';

/** The command a step is, as a client of the API sends it: who, which route, which body. */
function commandOf(
  step: Step,
  channels: Map<string, string>,
): { actor: string; method: 'POST' | 'PATCH' | 'PUT'; path: string; body: Record<string, unknown> } {
  const occurredAt = step.at;
  const asCase = (caseId: string, by: string, route: string, body: Record<string, unknown>) => ({
    actor: by,
    method: 'POST' as const,
    path: `/cases/${caseId}/${route}`,
    body: { ...body, occurredAt },
  });
  switch (step.kind) {
    case 'registerStaff':
      return {
        actor: SUPERVISOR,
        method: 'POST',
        path: '/staff',
        body: {
          staffId: step.staffId,
          name: step.name,
          roles: step.roles,
          skillLevel: step.skillLevel,
          occurredAt,
        },
      };
    case 'changeStaff': {
      const { staffId, skillLevel, active } = step;
      return {
        actor: SUPERVISOR,
        method: 'PATCH',
        path: `/staff/${staffId}`,
        body: {
          ...(skillLevel !== undefined ? { skillLevel } : {}),
          ...(active !== undefined ? { active } : {}),
          occurredAt,
        },
      };
    }
    case 'setStandards': {
      const { kind: _kind, at: _at, ...standards } = step;
      return { actor: SUPERVISOR, method: 'PUT', path: '/standards', body: { ...standards, occurredAt } };
    }
    case 'allocateBudget':
      return {
        actor: SUPERVISOR,
        method: 'POST',
        path: '/goodwill-budgets',
        body: { staffId: step.staffId, month: step.month, amountCents: step.amountCents, occurredAt },
      };
    case 'receive':
      channels.set(step.caseId, step.channel);
      return {
        actor: INTAKE,
        method: 'POST',
        path: '/cases',
        body: {
          caseId: step.caseId,
          channel: step.channel,
          complainant: step.complainant,
          ...(step.distributorId ? { distributorId: step.distributorId } : {}),
          subject: step.subject,
          body: `About ${step.subject}`,
          occurredAt,
        },
      };
    case 'repeat':
      return {
        actor: INTAKE,
        method: 'POST',
        path: '/cases',
        body: {
          channel: step.channel,
          complainant: step.complainant,
          subject: step.subject,
          body: 'Writing again',
          occurredAt,
        },
      };
    case 'sort':
      return asCase(step.caseId, SUPERVISOR, 'sort', {
        category: 'product',
        complexity: step.complexity,
        priority: step.priority,
        assigneeId: step.assigneeId,
      });
    case 'assign':
      return asCase(step.caseId, SUPERVISOR, 'assign', { assigneeId: step.assigneeId, reason: step.reason });
    case 'respond':
      return asCase(step.caseId, step.by, 'responses', {
        channel: channels.get(step.caseId),
        summary: 'Answered',
      });
    case 'promise':
      return asCase(step.caseId, step.by, 'follow-ups', {
        followUpId: step.followUpId,
        dueAt: step.dueAt,
        description: 'Call back',
      });
    case 'complete':
      return asCase(step.caseId, step.by, `follow-ups/${step.followUpId}/complete`, {});
    case 'resolve':
      return asCase(step.caseId, step.by, 'resolve', { resolution: 'Sorted out' });
    case 'reopen':
      return asCase(step.caseId, step.by, 'reopen', { reason: 'Not sorted out after all' });
    case 'rate':
      return asCase(step.caseId, INTAKE, 'satisfaction', { rating: step.rating });
    case 'grant': {
      const product = step.goodwill === 'product' ? { sku: `SKU-${step.grantId}`, quantity: 1 } : {};
      const account = step.by === SUPERVISOR ? { staffId: step.staffId } : {};
      return asCase(step.caseId, step.by, 'goodwill', {
        grantId: step.grantId,
        kind: step.goodwill,
        amountCents: step.amountCents,
        ...product,
        reason: 'Goodwill',
        ...account,
      });
    }
    case 'refund':
      return asCase(step.caseId, step.by, 'refunds', {
        refundId: step.refundId,
        orderId: step.orderId,
        amountCents: step.amountCents,
        reason: 'Money-back guarantee',
      });
    case 'orderPlaced':
    case 'orderCancelled':
    case 'orderReturned': {
      const type = {
        orderPlaced: 'OrderPlaced',
        orderCancelled: 'OrderCancelled',
        orderReturned: 'OrderReturned',
      }[step.kind];
      const { kind: _kind, at: _at, ...fields } = step;
      return {
        actor: 'upstream',
        method: 'POST',
        path: '/order-events',
        body: { events: [{ eventId: randomUUID(), type, occurredAt, ...fields }] },
      };
    }
  }
}

const rolesOf = (actor: string) =>
  actor === SUPERVISOR
    ? ['supervisor']
    : actor === INTAKE
      ? ['intake']
      : actor === 'upstream'
        ? ['integration']
        : ['correspondent'];

/** Sends every step as its command, in order; stops at the first refusal. Returns the last globalPosition. */
export async function sendScenario(app: ReportsTestApp, steps: Step[]): Promise<number> {
  const clients = new Map<string, Http>();
  const channels = new Map<string, string>();
  let position = 0;
  for (const step of steps) {
    const command = commandOf(step, channels);
    if (!clients.has(command.actor))
      clients.set(command.actor, await app.as(command.actor, ...rolesOf(command.actor)));
    const reply: Reply = await clients.get(command.actor)!.send(command.method, command.path, command.body);
    if (reply.status >= 300)
      throw new Error(`${step.kind} at ${step.at} refused: ${reply.status} ${JSON.stringify(reply.body)}`);
    position = Math.max(position, Number(reply.body.globalPosition));
  }
  return position;
}
