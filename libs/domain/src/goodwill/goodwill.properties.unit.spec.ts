import fc from 'fast-check';
import type { Timed } from '../shared/decider.js';
import { isDomainError } from '../shared/domain-error.js';
import { aCase } from '../testing/case-fixtures.js';
import { allocateBudget, grantGoodwill } from '../testing/money-fixtures.js';
import { aCorrespondent, aSupervisor } from '../testing/staff-fixtures.js';
import type { GoodwillCommand } from './goodwill.commands.js';
import { goodwillDecider } from './goodwill.decider.js';
import type { GoodwillEvent } from './goodwill.events.js';
import { remainingBudget } from './goodwill.state.js';

/**
 * Random allocations and grants on C-1's account, by C-1 and by supervisors, over three months.
 * An independent ledger (plain sums) says what each decision must be.
 */
const MONTHS = ['2026-08', '2026-09', '2026-10'] as const;
const LIMIT = 5000;
const c1 = aCorrespondent('C-1');
const hisCase = aCase().sortedTo('C-1').state();

type Step =
  | { kind: 'allocate'; month: (typeof MONTHS)[number]; amount: number }
  | { kind: 'correspondent-grant'; month: (typeof MONTHS)[number]; amount: number }
  | {
      kind: 'supervisor-grant';
      month: (typeof MONTHS)[number];
      amount: number;
      supervisor: 'SUP-1' | 'SUP-2';
    };

const month = fc.constantFrom(...MONTHS);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('allocate' as const), month, amount: fc.integer({ min: 1, max: 20000 }) }),
  fc.record({
    kind: fc.constant('correspondent-grant' as const),
    month,
    amount: fc.integer({ min: 1, max: 8000 }),
  }),
  fc.record({
    kind: fc.constant('supervisor-grant' as const),
    month,
    amount: fc.integer({ min: 1, max: 30000 }),
    supervisor: fc.constantFrom('SUP-1' as const, 'SUP-2' as const),
  }),
);

/** Allocations weighted up and grants kept small, so that many grants land within the budget (and at its edge). */
const spendingStep: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('allocate' as const),
      month,
      amount: fc.integer({ min: 1, max: 3000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('correspondent-grant' as const),
      month,
      amount: fc.integer({ min: 1, max: 3000 }),
    }),
  },
  { weight: 1, arbitrary: step },
);

const occurredIn = (m: string, i: number) => `${m}-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z`;

function commandFor(s: Step, i: number): GoodwillCommand {
  const when = { occurredAt: occurredIn(s.month, i), now: occurredIn(s.month, i) };
  switch (s.kind) {
    case 'allocate':
      return allocateBudget('C-1', s.month, s.amount, {
        by: aSupervisor().actor(),
        staff: c1.state(),
        ...when,
      });
    case 'correspondent-grant':
      return grantGoodwill(s.amount, {
        by: c1.actor(),
        case: hisCase,
        debited: c1.state(),
        grantId: `G-${i}`,
        ...when,
      });
    case 'supervisor-grant':
      return grantGoodwill(s.amount, {
        by: aSupervisor(s.supervisor).actor(),
        case: hisCase,
        debited: c1.state(),
        staffId: 'C-1',
        grantId: `G-${i}`,
        ...when,
      });
  }
}

describe('goodwill account properties', () => {
  it('a grant without overBudget never leaves the month’s remaining budget negative', () => {
    // Counted across all runs: the check below must have met its subject (grants within budget),
    // not merely never been reached.
    let withinBudgetGrants = 0;
    fc.assert(
      fc.property(fc.array(spendingStep, { minLength: 10, maxLength: 40 }), (steps) => {
        let state = goodwillDecider.initialState();
        steps.forEach((s, i) => {
          const command = commandFor(s, i);
          const result = goodwillDecider.decide(command, state);
          const events = isDomainError(result) ? [] : result;
          for (const event of events) {
            state = goodwillDecider.evolve(state, {
              ...event,
              occurredAt: command.metadata.occurredAt,
            } as Timed<GoodwillEvent>);
          }
          const grantWithinBudget = events.some((e) => e.type === 'GoodwillGranted' && !e.data.overBudget);
          if (grantWithinBudget) withinBudgetGrants += 1;
          // Unconditional: either no within-budget grant happened at this step, or the month is not negative.
          expect({ grantWithinBudget, negative: remainingBudget(state, s.month) < 0 }).not.toEqual({
            grantWithinBudget: true,
            negative: true,
          });
        });
      }),
      { numRuns: 200 },
    );
    expect(withinBudgetGrants).toBeGreaterThan(300);
  });

  it('every decision matches an independent ledger', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const budget = new Map<string, number>();
        const granted = new Map<string, number>();
        const remaining = (m: string) => (budget.get(m) ?? 0) - (granted.get(m) ?? 0);
        let state = goodwillDecider.initialState();
        steps.forEach((s, i) => {
          const command = commandFor(s, i);
          const result = goodwillDecider.decide(command, state);
          const before = remaining(s.month);
          if (s.kind === 'allocate') {
            expect(result).toStrictEqual([
              {
                type: 'GoodwillBudgetAllocated',
                data: { staffId: 'C-1', month: s.month, amountCents: s.amount, allocatedBy: 'SUP-1' },
              },
            ]);
            budget.set(s.month, (budget.get(s.month) ?? 0) + s.amount);
          } else if (s.kind === 'correspondent-grant') {
            const expected =
              s.amount > LIMIT
                ? 'GOODWILL_LIMIT_EXCEEDED'
                : s.amount > before
                  ? 'GOODWILL_BUDGET_EXCEEDED'
                  : 'granted';
            expect(isDomainError(result) ? result.code : 'granted').toBe(expected);
            if (expected === 'granted') {
              expect(result).toMatchObject([
                {
                  type: 'GoodwillGranted',
                  data: { staffId: 'C-1', amountCents: s.amount, overBudget: false },
                },
              ]);
              expect(isDomainError(result) ? null : 'approvedBy' in result[0].data).toBe(false);
              granted.set(s.month, (granted.get(s.month) ?? 0) + s.amount);
            }
          } else {
            expect(result).toMatchObject([
              {
                type: 'GoodwillGranted',
                data: {
                  staffId: 'C-1',
                  amountCents: s.amount,
                  approvedBy: s.supervisor,
                  overBudget: s.amount > before,
                },
              },
            ]);
            granted.set(s.month, (granted.get(s.month) ?? 0) + s.amount);
          }
          if (!isDomainError(result)) {
            state = result.reduce(
              (acc, e) =>
                goodwillDecider.evolve(acc, {
                  ...e,
                  occurredAt: command.metadata.occurredAt,
                } as Timed<GoodwillEvent>),
              state,
            );
          }
          for (const m of MONTHS) expect(remainingBudget(state, m)).toBe(remaining(m));
        });
      }),
      { numRuns: 200 },
    );
  });
});
