import { INTAKE, SORTER, SUPERVISOR } from './demo-department.js';
import { iso, type DemoStep } from './demo-month.js';

/** Sends a request as an actor; the demo's only way into the product is its public HTTP API. */
export type DemoClient = (
  actor: string,
  method: 'POST' | 'PUT',
  path: string,
  body: Record<string, unknown>,
) => Promise<{ status: number; answer: Record<string, unknown> }>;

export interface DemoOutcome {
  commands: number;
  /** Refusals by error code: the rules at work (a grant over the per-grant limit, say). */
  refused: Record<string, number>;
  lastPosition: number;
}

interface CaseOnFile {
  assigneeId?: string;
}

/**
 * Runs the month's steps one after another, in time order, through the real command path. A case
 * goes to whoever auto-assignment picks; that correspondent then answers it, as the accountability
 * rule wants. A grant over the per-grant limit is refused to the correspondent and then made by the
 * supervisor on their account, as a department does.
 */
export async function runDemoMonth(steps: DemoStep[], send: DemoClient): Promise<DemoOutcome> {
  const outcome: DemoOutcome = { commands: 0, refused: {}, lastPosition: 0 };
  const cases = new Map<string, CaseOnFile>();
  const run = async (actor: string, method: 'POST' | 'PUT', path: string, body: Record<string, unknown>) => {
    outcome.commands++;
    const { status, answer } = await send(actor, method, path, body);
    if (status >= 400) {
      const code = String(answer.code ?? status);
      outcome.refused[code] = (outcome.refused[code] ?? 0) + 1;
      return undefined;
    }
    if (typeof answer.globalPosition === 'number')
      outcome.lastPosition = Math.max(outcome.lastPosition, answer.globalPosition);
    return answer;
  };

  for (const step of steps) {
    const occurredAt = iso(step.at);
    if (step.kind === 'request') {
      // An order batch carries each event's own time; every command carries the step's.
      await run(
        step.actor,
        step.method,
        step.path,
        step.path === '/order-events' ? step.body : { ...step.body, occurredAt },
      );
      continue;
    }
    if (step.kind === 'repeat') {
      await run(INTAKE, 'POST', '/cases', { ...step.body, occurredAt });
      continue;
    }
    if (step.kind === 'receive') {
      // The same complainant on the same open matter is a repeat contact: no case of its own.
      const answer = await run(INTAKE, 'POST', '/cases', { ...step.body, occurredAt });
      if (answer?.caseId === step.caseId) cases.set(step.caseId, {});
      continue;
    }
    const onFile = cases.get(step.caseId);
    if (!onFile) continue;
    const path = `/cases/${step.caseId}`;
    if (step.kind === 'sort') {
      const answer = await run(SORTER, 'POST', `${path}/sort`, {
        category: step.category,
        complexity: step.complexity,
        priority: step.priority,
        occurredAt,
      });
      if (typeof answer?.assigneeId === 'string') onFile.assigneeId = answer.assigneeId;
      continue;
    }
    if (step.kind === 'rate') {
      await run(INTAKE, 'POST', `${path}/satisfaction`, { rating: step.rating, occurredAt });
      continue;
    }
    if (step.kind === 'reopen') {
      await run(INTAKE, 'POST', `${path}/reopen`, {
        reason: 'The complainant wrote back: not settled yet',
        occurredAt,
      });
      continue;
    }
    const assignee = onFile.assigneeId;
    if (!assignee) continue;
    switch (step.kind) {
      case 'respond':
        await run(assignee, 'POST', `${path}/responses`, {
          channel: step.channel,
          summary: step.summary,
          occurredAt,
        });
        break;
      case 'promise':
        await run(assignee, 'POST', `${path}/follow-ups`, {
          followUpId: step.followUpId,
          dueAt: iso(step.dueAt),
          description: 'Call back with the outcome',
          occurredAt,
        });
        break;
      case 'complete':
        await run(assignee, 'POST', `${path}/follow-ups/${step.followUpId}/complete`, {
          note: 'Called back as promised',
          occurredAt,
        });
        break;
      case 'goodwill': {
        const grant = {
          kind: 'credit',
          amountCents: step.amountCents,
          reason: 'Sorry for the trouble',
          occurredAt,
        };
        if (!(await run(assignee, 'POST', `${path}/goodwill`, grant)))
          await run(SUPERVISOR, 'POST', `${path}/goodwill`, { ...grant, staffId: assignee });
        break;
      }
      case 'refund':
        await run(assignee, 'POST', `${path}/refunds`, {
          orderId: step.orderId,
          amountCents: step.amountCents,
          reason: 'Money-back guarantee',
          occurredAt,
        });
        break;
      case 'resolve':
        await run(assignee, 'POST', `${path}/resolve`, {
          resolution: 'Settled with the complainant',
          occurredAt,
        });
        break;
      default: {
        const unknown: never = step;
        throw new Error(`demo step ${JSON.stringify(unknown)}`);
      }
    }
  }
  return outcome;
}
