// What the mutation run (npm run test:mutation) found no test for in the money rules: the message a
// refused correspondent reads (it names the figures that refused them), a cancelled order's details,
// the quantity of a product grant, and a supervisor's grant on an account that is not the one named.
import { isDomainError, type DomainError } from '../shared/domain-error.js';
import { aCase } from '../testing/case-fixtures.js';
import { DeciderSpecification } from '../testing/decider-specification.js';
import {
  allocateBudget,
  budgetAllocated,
  goodwillGranted,
  grantGoodwill,
  issueRefund,
  orderCancelled,
  orderPlaced,
  refundIssued,
} from '../testing/money-fixtures.js';
import { aCorrespondent, aSupervisor } from '../testing/staff-fixtures.js';
import { orderDecider } from '../order/order.decider.js';
import type { OrderEvent } from '../order/order.events.js';
import type { GrantGoodwill } from './goodwill.commands.js';
import { goodwillDecider } from './goodwill.decider.js';
import type { GoodwillEvent } from './goodwill.events.js';

const c1 = aCorrespondent('C-1');
const hisCase = aCase().sortedTo('C-1').state();
const september = [budgetAllocated('C-1', '2026-09', 10000)];
const fold = <S, E>(decider: { initialState(): S; evolve(s: S, e: never): S }, events: E[]) =>
  events.reduce(
    (s, e) => decider.evolve(s, { ...e, occurredAt: '2026-09-01T00:00:00.000Z' } as never),
    decider.initialState(),
  );

function refusal(result: unknown): DomainError {
  if (!isDomainError(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

describe('the message of a money refusal names what refused it', () => {
  const byC1 = (amount: number, options: Partial<Parameters<typeof grantGoodwill>[1]> = {}) =>
    grantGoodwill(amount, { by: c1.actor(), case: hisCase, debited: c1.state(), ...options });
  const goodwill = (events: GoodwillEvent[], command: GrantGoodwill) =>
    refusal(goodwillDecider.decide(command, fold(goodwillDecider, events)));
  const refund = (events: OrderEvent[], amount: number) =>
    refusal(
      orderDecider.decide(
        issueRefund('O-1', amount, { by: c1.actor(), case: hisCase }),
        fold(orderDecider, events),
      ),
    );

  it.each([
    [
      'GOODWILL_LIMIT_EXCEEDED',
      () => goodwill(september, byC1(5001)),
      'Above the per-grant limit of 5000 cents',
    ],
    [
      'GOODWILL_BUDGET_EXCEEDED',
      () => goodwill([...september, goodwillGranted('G-0', 'C-1', 9000)], byC1(1001)),
      'Above the remaining goodwill budget of 1000 cents for 2026-09',
    ],
    [
      'NOT_ASSIGNEE',
      () => goodwill(september, byC1(100, { staffId: 'C-2' })),
      'C-1 may grant goodwill only on their own account',
    ],
    [
      'NOT_A_CORRESPONDENT',
      () =>
        goodwill(
          september,
          grantGoodwill(100, {
            by: aSupervisor().actor(),
            case: hisCase,
            debited: aCorrespondent('C-9').inactive().state(),
            staffId: 'C-9',
          }),
        ),
      'C-9 is not an active correspondent',
    ],
    ['UNKNOWN_ORDER', () => refund([], 100), 'Order O-1 is not known'],
    [
      'ORDER_CANCELLED',
      () => refund([orderPlaced('O-1', 12000), orderCancelled('O-1')], 100),
      'Order O-1 was cancelled',
    ],
    [
      'REFUND_EXCEEDS_ORDER',
      () => refund([orderPlaced('O-1', 12000), refundIssued('R-0', 'O-1', 7000)], 5001),
      'Refunds would exceed the order total of 12000 cents',
    ],
    [
      'REFUND_LIMIT_EXCEEDED',
      () => refund([orderPlaced('O-1', 90000)], 50001),
      'Above the refund limit of 50000 cents',
    ],
  ])('%s', (code, refuse, message) => {
    const error = refuse();
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it('STAFF_NOT_FOUND names the staff member', () => {
    const error = refusal(
      goodwillDecider.decide(
        allocateBudget('C-404', '2026-09', 100, {
          by: aSupervisor().actor(),
          staff: aCorrespondent('C-404').unregistered().state(),
        }),
        goodwillDecider.initialState(),
      ),
    );
    expect([error.code, error.message]).toEqual(['STAFF_NOT_FOUND', 'Staff member C-404 is not registered']);
  });

  it('ORDER_CANCELLED carries the orderId in its details', () => {
    const error = refund([orderPlaced('O-1', 12000), orderCancelled('O-1')], 100);
    expect(error.details).toEqual({ orderId: 'O-1' });
  });
});

describe('a product grant’s quantity', () => {
  const spec = DeciderSpecification.for(goodwillDecider);
  const product = (quantity: number) =>
    grantGoodwill(3900, {
      by: c1.actor(),
      case: hisCase,
      debited: c1.state(),
      kind: 'product',
      sku: 'LID-BL-200',
      quantity,
    });

  it.each([0, -1, 1.5])('quantity %p: VALIDATION_FAILED naming quantity', (quantity) =>
    spec
      .given(september)
      .when(product(quantity))
      .thenFails('VALIDATION_FAILED', [
        { path: 'quantity', message: 'A positive whole number, required for kind product' },
      ]),
  );
});

describe('a supervisor’s grant is debited only from the account it names', () => {
  it('the account loaded is another correspondent’s than staffId: NOT_A_CORRESPONDENT, nothing granted', () =>
    DeciderSpecification.for(goodwillDecider)
      .given(september)
      .when(
        grantGoodwill(100, {
          by: aSupervisor().actor(),
          case: hisCase,
          debited: aCorrespondent('C-2').state(),
          staffId: 'C-1',
        }),
      )
      .thenFails('NOT_A_CORRESPONDENT', { staffId: 'C-1' }));
});
