import fc from 'fast-check';
import { isDomainError } from '../shared/domain-error.js';
import { aCase } from '../testing/case-fixtures.js';
import { issueRefund, orderCancelled, orderPlaced, orderReturned } from '../testing/money-fixtures.js';
import { aCorrespondent, aSupervisor } from '../testing/staff-fixtures.js';
import type { OrderEvent } from './order.events.js';
import { orderDecider } from './order.decider.js';
import { GIVEN_AT } from '../testing/clock.js';

type Step =
  | { kind: 'refund'; amount: number; bySupervisor: boolean }
  | { kind: 'returned'; amount: number }
  | { kind: 'cancelled' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      amount: fc.integer({ min: 1, max: 80000 }),
      bySupervisor: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('returned' as const),
      amount: fc.integer({ min: 1, max: 80000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelled' as const) }) },
);

const hisCase = aCase().sortedTo('C-1').state();
const apply = (state: ReturnType<typeof orderDecider.initialState>, events: OrderEvent[]) =>
  events.reduce((s, e) => orderDecider.evolve(s, { ...e, occurredAt: GIVEN_AT }), state);

describe('order refund properties', () => {
  it('the sum of refunds never exceeds the order total, and each refusal is the first rule that fails', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150000 }), fc.array(step, { maxLength: 30 }), (total, steps) => {
        let state = apply(orderDecider.initialState(), [orderPlaced('O-1', total)]);
        let refunded = 0;
        let cancelled = false;
        steps.forEach((s, i) => {
          if (s.kind === 'returned') {
            state = apply(state, [orderReturned('O-1', s.amount)]);
            return;
          }
          if (s.kind === 'cancelled') {
            state = apply(state, [orderCancelled('O-1')]);
            cancelled = true;
            return;
          }
          const by = s.bySupervisor ? aSupervisor().actor() : aCorrespondent('C-1').actor();
          const result = orderDecider.decide(
            issueRefund('O-1', s.amount, { by, case: hisCase, refundId: `R-${i}` }),
            state,
          );
          const expected = cancelled
            ? 'ORDER_CANCELLED'
            : refunded + s.amount > total
              ? 'REFUND_EXCEEDS_ORDER'
              : !s.bySupervisor && s.amount > 50000
                ? 'REFUND_LIMIT_EXCEEDED'
                : 'issued';
          expect(isDomainError(result) ? result.code : 'issued').toBe(expected);
          if (!isDomainError(result)) {
            state = apply(state, result);
            refunded += s.amount;
          }
          expect(state.refundedCents).toBe(refunded);
          expect(state.refundedCents).toBeLessThanOrEqual(total);
        });
      }),
      { numRuns: 200 },
    );
  });
});
