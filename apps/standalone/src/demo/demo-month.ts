import {
  CORRESPONDENTS,
  DEMO_STAFF,
  DEMO_STANDARDS,
  MONTHLY_BUDGET_CENTS,
  ORDER_FEED,
  SUBJECTS,
  SUPERVISOR,
} from './demo-department.js';

/**
 * A month in the life of the department, as the steps people and the order feed take, in time
 * order: staff and standards on the first, upstream orders every evening, and a few hundred
 * complaints that are sorted, answered, promised, granted, refunded, resolved, rated and
 * sometimes reopened. Steps that need an earlier answer (who a case went to) name the case and are
 * turned into requests as they run (demo-runner.ts). Seeded, so every demo month looks alike.
 */
export type DemoStep =
  | {
      kind: 'request';
      at: number;
      actor: string;
      method: 'POST' | 'PUT';
      path: string;
      body: Record<string, unknown>;
    }
  | { kind: 'receive'; at: number; caseId: string; body: Record<string, unknown> }
  | { kind: 'repeat'; at: number; body: Record<string, unknown> }
  | { kind: 'sort'; at: number; caseId: string; category: string; complexity: number; priority: string }
  | { kind: 'respond'; at: number; caseId: string; channel: string; summary: string }
  | { kind: 'promise'; at: number; caseId: string; followUpId: string; dueAt: number }
  | { kind: 'complete'; at: number; caseId: string; followUpId: string }
  | { kind: 'goodwill'; at: number; caseId: string; amountCents: number }
  | { kind: 'refund'; at: number; caseId: string; orderId: string; amountCents: number }
  | { kind: 'resolve'; at: number; caseId: string }
  | { kind: 'rate'; at: number; caseId: string; rating: string }
  | { kind: 'reopen'; at: number; caseId: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHANNELS = ['email', 'email', 'email', 'web', 'web', 'phone', 'phone', 'mail', 'chat', 'social'];
const PRIORITIES = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'];
const RATINGS = ['delighted', 'satisfied', 'satisfied', 'satisfied', 'disappointed', 'annoyed', 'angry'];

export interface DemoMonth {
  month: string;
  from: Date;
  to: Date;
  steps: DemoStep[];
  cases: number;
}

/** The calendar month before `now` (UTC), filled up to `now` less a minute. */
export function demoMonth(now: Date, seed = 20260901): DemoMonth {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 1, 1));
  const month = from.toISOString().slice(0, 7);
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (low: number, high: number) => low + random() * (high - low);
  const days = Math.round((to.getTime() - from.getTime()) / DAY);
  const start = from.getTime();
  const steps: DemoStep[] = [];

  for (const staff of DEMO_STAFF)
    steps.push({
      kind: 'request',
      at: start - DAY,
      actor: SUPERVISOR,
      method: 'POST',
      path: '/staff',
      body: { ...staff },
    });
  steps.push({
    kind: 'request',
    at: start,
    actor: SUPERVISOR,
    method: 'PUT',
    path: '/standards',
    body: DEMO_STANDARDS,
  });
  for (const staffId of CORRESPONDENTS) {
    steps.push({
      kind: 'request',
      at: start + HOUR,
      actor: SUPERVISOR,
      method: 'POST',
      path: '/goodwill-budgets',
      body: { staffId, month, amountCents: MONTHLY_BUDGET_CENTS },
    });
  }

  const distributors = Array.from({ length: 40 }, (_, i) => `D-${101 + i}`);
  const ordersOf = new Map<string, Array<{ orderId: string; at: number; totalCents: number }>>();
  let orderNumber = 0;
  for (let day = 0; day < days; day++) {
    const events: Array<Record<string, unknown>> = [];
    for (let n = 0; n < 20; n++) {
      const distributorId = pick(distributors);
      const at = start + day * DAY + between(7, 21) * HOUR;
      const orderId = `O-${month.replace('-', '')}-${String(++orderNumber).padStart(4, '0')}`;
      const totalCents = Math.round(between(40, 460)) * 100 + 99;
      events.push({
        eventId: uuidFrom(random),
        type: 'OrderPlaced',
        orderId,
        occurredAt: iso(at),
        distributorId,
        totalCents,
      });
      if (random() < 0.04)
        events.push({
          eventId: uuidFrom(random),
          type: 'OrderCancelled',
          orderId,
          occurredAt: iso(at + 2 * HOUR),
          reason: 'Changed their mind',
        });
      else ordersOf.set(distributorId, [...(ordersOf.get(distributorId) ?? []), { orderId, at, totalCents }]);
    }
    steps.push({
      kind: 'request',
      at: start + day * DAY + 22 * HOUR,
      actor: ORDER_FEED,
      method: 'POST',
      path: '/order-events',
      body: { events },
    });
  }

  let cases = 0;
  for (let day = 0; day < days; day++) {
    for (let n = 0; n < 8; n++) {
      const caseId = `${month.replace('-', '')}-${String(++cases).padStart(3, '0')}`;
      const received = start + day * DAY + between(8, 18) * HOUR;
      const channel = pick(CHANNELS);
      const { subject, category } = pick(SUBJECTS);
      const distributorId = pick(distributors);
      const byCustomer = random() < 0.3;
      const complainant = byCustomer
        ? { type: 'customer', id: `CU-${Math.floor(between(1000, 9999))}` }
        : { type: 'distributor', id: distributorId };
      const receiveBody = {
        caseId,
        channel,
        complainant,
        ...(byCustomer ? { distributorId } : {}),
        subject,
        body: `${subject}. Please help.`,
      };
      steps.push({ kind: 'receive', at: received, caseId, body: receiveBody });
      if (random() < 0.06)
        steps.push({
          kind: 'repeat',
          at: received + between(6, 40) * HOUR,
          body: {
            channel: 'phone',
            complainant,
            subject: `Re: ${subject}`,
            body: 'Still waiting to hear back.',
          },
        });

      const complexity = random() < 0.05 ? 5 : 1 + Math.floor(random() * 4);
      const sorted = received + between(0.3, 6) * HOUR;
      steps.push({ kind: 'sort', at: sorted, caseId, category, complexity, priority: pick(PRIORITIES) });
      // Answered by whoever the sort assigned it to, so never before the sort.
      const responded = Math.max(
        sorted + 0.2 * HOUR,
        received + (random() < 0.8 ? between(1, 20) : between(20, 70)) * HOUR,
      );
      if (random() < 0.05) continue; // never answered: shows as open and unanswered
      steps.push({
        kind: 'respond',
        at: responded,
        caseId,
        channel,
        summary: 'Apologised and explained the next step',
      });

      let ready = responded;
      let followUpKept = true;
      if (random() < 0.4) {
        const followUpId = `${caseId}-F1`;
        const dueAt = responded + between(24, 96) * HOUR;
        steps.push({ kind: 'promise', at: responded + 60_000, caseId, followUpId, dueAt });
        const fate = random();
        if (fate < 0.65) ready = dueAt - between(1, 20) * HOUR;
        else if (fate < 0.82) ready = dueAt + between(2, 48) * HOUR;
        else followUpKept = false;
        if (followUpKept)
          steps.push({ kind: 'complete', at: Math.max(ready, responded + 2 * 60_000), caseId, followUpId });
      }
      if (random() < 0.12) {
        const amountCents = random() < 0.15 ? 7_500 : Math.round(between(10, 45)) * 100;
        steps.push({ kind: 'goodwill', at: responded + HOUR, caseId, amountCents });
      }
      const orders = (ordersOf.get(distributorId) ?? []).filter((o) => o.at < received - DAY);
      if (orders.length > 0 && random() < 0.1) {
        const order = pick(orders);
        steps.push({
          kind: 'refund',
          at: responded + 2 * HOUR,
          caseId,
          orderId: order.orderId,
          amountCents: Math.min(order.totalCents, Math.round(between(10, 60)) * 100),
        });
      }
      if (!followUpKept || random() < 0.25) continue; // still open at the end of the month
      const resolved = Math.max(ready, responded) + between(1, 24) * HOUR;
      steps.push({ kind: 'resolve', at: resolved, caseId });
      if (random() < 0.6)
        steps.push({ kind: 'rate', at: resolved + between(2, 48) * HOUR, caseId, rating: pick(RATINGS) });
      else if (random() < 0.1) {
        const reopened = resolved + between(24, 72) * HOUR;
        steps.push({ kind: 'reopen', at: reopened, caseId });
        steps.push({
          kind: 'respond',
          at: reopened + between(2, 10) * HOUR,
          caseId,
          channel: 'phone',
          summary: 'Called back about the reopened matter',
        });
        steps.push({ kind: 'resolve', at: reopened + between(12, 36) * HOUR, caseId });
      }
    }
  }
  const horizon = now.getTime() - 60_000;
  return { month, from, to, cases, steps: steps.filter((s) => s.at <= horizon).sort((a, b) => a.at - b.at) };
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** A small seeded generator (mulberry32): the demo month is the same on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4-shaped UUID from the seeded generator, so order event ids repeat with the month. */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
