/**
 * The vocabulary of a scenario: what happened in the department, one business fact per step, with
 * its business time. The same steps are appended to the log directly (int test) and sent as HTTP
 * commands (e2e test); both must give the figures written by hand in department-month.figures.ts.
 */
export type Rating = 'delighted' | 'satisfied' | 'disappointed' | 'annoyed' | 'angry';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type Complainant = { type: 'distributor' | 'customer'; id: string };

export type Step = { at: string } & (
  | { kind: 'registerStaff'; staffId: string; name: string; roles: string[]; skillLevel: number }
  | { kind: 'changeStaff'; staffId: string; skillLevel?: number; active?: boolean }
  | {
      kind: 'setStandards';
      firstResponseHours: Record<string, number>;
      goodwillPctOfSalesGuideline: number;
      goodwillPerGrantLimitCents: number;
      refundLimitCents: number;
    }
  | { kind: 'allocateBudget'; staffId: string; month: string; amountCents: number }
  | {
      kind: 'receive';
      caseId: string;
      channel: string;
      complainant: Complainant;
      distributorId?: string;
      subject: string;
    }
  | { kind: 'repeat'; caseId: string; channel: string; complainant: Complainant; subject: string }
  | { kind: 'sort'; caseId: string; complexity: number; priority: Priority; assigneeId: string }
  | { kind: 'assign'; caseId: string; assigneeId: string; reason: 'manual' | 'rebalance' }
  | { kind: 'respond'; caseId: string; by: string }
  | { kind: 'promise'; caseId: string; followUpId: string; dueAt: string; by: string }
  | { kind: 'complete'; caseId: string; followUpId: string; by: string }
  | { kind: 'resolve'; caseId: string; by: string }
  | { kind: 'reopen'; caseId: string; by: string }
  | { kind: 'rate'; caseId: string; rating: Rating }
  | {
      kind: 'grant';
      grantId: string;
      caseId: string;
      staffId: string;
      goodwill: 'credit' | 'product';
      amountCents: number;
      by: string;
      overBudget: boolean;
    }
  | { kind: 'refund'; refundId: string; caseId: string; orderId: string; amountCents: number; by: string }
  | { kind: 'orderPlaced'; orderId: string; distributorId: string; totalCents: number }
  | { kind: 'orderCancelled'; orderId: string }
  | { kind: 'orderReturned'; orderId: string; amountCents: number }
);

export type StepOf<K extends Step['kind']> = Extract<Step, { kind: K }>;

/** 2026-`month`-`day` `hour`:`minute` UTC, as the log writes instants. */
export const at = (day: number, hour = 0, minute = 0, month = 9) =>
  new Date(Date.UTC(2026, month - 1, day, hour, minute)).toISOString();

export const plusHours = (iso: string, hours: number) =>
  new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

export const SUPERVISOR = 'S-1';
export const INTAKE = 'intake-desk';

/** Collects steps; a few shorthands keep a month of facts readable. */
export class Scenario {
  readonly steps: Step[] = [];

  add(...steps: Step[]): this {
    this.steps.push(...steps);
    return this;
  }

  /** A complaint received at `when`, subject `Complaint <caseId>` (each case its own matter). */
  received(
    caseId: string,
    when: string,
    channel: string,
    complainant: Complainant,
    distributorId?: string,
  ): this {
    return this.add({
      at: when,
      kind: 'receive',
      caseId,
      channel,
      complainant,
      subject: `Complaint ${caseId}`,
      ...(distributorId ? { distributorId } : {}),
    });
  }

  sorted(caseId: string, when: string, complexity: number, priority: Priority, assigneeId: string): this {
    return this.add({ at: when, kind: 'sort', caseId, complexity, priority, assigneeId });
  }

  /** In business-time order (stable), the order the commands are sent in. */
  chronological(): Step[] {
    return this.steps
      .map((step, i) => ({ step, i }))
      .sort((a, b) => Date.parse(a.step.at) - Date.parse(b.step.at) || a.i - b.i)
      .map(({ step }) => step);
  }
}

export const twoDigits = (prefix: string, n: number) => `${prefix}${String(n).padStart(2, '0')}`;
