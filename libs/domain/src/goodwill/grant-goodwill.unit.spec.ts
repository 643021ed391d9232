import { MINUTE, NOW, plusMs, SECOND } from '../testing/clock.js';
import { aCase, noCase } from '../testing/case-fixtures.js';
import { at, DeciderSpecification } from '../testing/decider-specification.js';
import { budgetAllocated, goodwillGranted, grantGoodwill, standardsWith } from '../testing/money-fixtures.js';
import { aCorrespondent } from '../testing/staff-fixtures.js';
import { goodwillDecider } from './goodwill.decider.js';

const spec = DeciderSpecification.for(goodwillDecider);
const c1 = aCorrespondent('C-1');
const c2 = aCorrespondent('C-2');
const hisCase = aCase().sortedTo('C-1').state();
const september = [budgetAllocated('C-1', '2026-09', 10000)];
const granted = (amountCents: number, extra = {}) => goodwillGranted('G-1', 'C-1', amountCents, extra);

describe('GrantGoodwill by a correspondent (own account, own case)', () => {
  const byC1 = (amount: number, options: Partial<Parameters<typeof grantGoodwill>[1]> = {}) =>
    grantGoodwill(amount, { by: c1.actor(), case: hisCase, debited: c1.state(), ...options });

  it('grants within the per-grant limit and the remaining budget', () =>
    spec.given(september).when(byC1(2500)).then(granted(2500)));

  it('may name themselves as staffId', () =>
    spec
      .given(september)
      .when(byC1(2500, { staffId: 'C-1' }))
      .then(granted(2500)));

  it('grants free product with sku and quantity, at retail value', () =>
    spec
      .given(september)
      .when(byC1(3900, { kind: 'product', sku: 'LID-BL-200', quantity: 2 }))
      .then(goodwillGranted('G-1', 'C-1', 3900, { kind: 'product', sku: 'LID-BL-200', quantity: 2 })));

  it('exactly the per-grant limit is allowed', () =>
    spec.given(september).when(byC1(5000)).then(granted(5000)));

  it('one cent above the per-grant limit: GOODWILL_LIMIT_EXCEEDED', () =>
    spec
      .given(september)
      .when(byC1(5001))
      .thenFails('GOODWILL_LIMIT_EXCEEDED', { amountCents: 5001, limitCents: 5000, standardsVersion: 1 }));

  it('judges the limit by the standards in force given', () =>
    spec
      .given(september)
      .when(byC1(2001, { standards: standardsWith({ version: 3, goodwillPerGrantLimitCents: 2000 }) }))
      .thenFails('GOODWILL_LIMIT_EXCEEDED'));

  it('the budget exactly used up is allowed', () =>
    spec
      .given([...september, goodwillGranted('G-0', 'C-1', 5000)])
      .when(byC1(5000))
      .then(granted(5000)));

  it('one cent over the remaining budget: GOODWILL_BUDGET_EXCEEDED', () =>
    spec
      .given([...september, goodwillGranted('G-0', 'C-1', 5000)])
      .when(byC1(5001, { standards: standardsWith({ goodwillPerGrantLimitCents: 9999 }) }))
      .thenFails('GOODWILL_BUDGET_EXCEEDED', { amountCents: 5001, remainingCents: 5000, month: '2026-09' }));

  it('checks the per-grant limit before the budget', () =>
    spec.given([]).when(byC1(5001)).thenFails('GOODWILL_LIMIT_EXCEEDED'));

  it('without any budget for the month: GOODWILL_BUDGET_EXCEEDED', () =>
    spec
      .given([budgetAllocated('C-1', '2026-10', 10000)])
      .when(byC1(1))
      .thenFails('GOODWILL_BUDGET_EXCEEDED'));

  it('debits the month of occurredAt, not the month of now', () =>
    spec
      .given([budgetAllocated('C-1', '2026-08', 3000)])
      .when(byC1(3000, { occurredAt: '2026-08-31T23:59:59.999Z' }))
      .then(granted(3000)));

  it('grants of other months do not use this month’s budget', () =>
    spec
      .given([
        ...september,
        ...at('2026-08-20T10:00:00.000Z', goodwillGranted('G-0', 'C-1', 5000)),
        budgetAllocated('C-1', '2026-08', 5000),
      ])
      .when(byC1(5000))
      .then(granted(5000)));

  it('after a supervisor override the remaining budget is negative, and every grant is refused', () =>
    spec
      .given([
        budgetAllocated('C-1', '2026-09', 1000),
        goodwillGranted('G-0', 'C-1', 3000, { approvedBy: 'SUP-1', overBudget: true }),
      ])
      .when(byC1(1))
      .thenFails('GOODWILL_BUDGET_EXCEEDED', { amountCents: 1, remainingCents: -2000, month: '2026-09' }));

  it('is allowed on a resolved case', () =>
    spec
      .given(september)
      .when(byC1(100, { case: aCase().sortedTo('C-1').responded().resolved().state() }))
      .then(granted(100)));

  it('naming another staffId: NOT_ASSIGNEE', () =>
    spec
      .given(september)
      .when(byC1(100, { staffId: 'C-2', debited: c2.state() }))
      .thenFails('NOT_ASSIGNEE', { staffId: 'C-2' }));

  it('on a case assigned to someone else: NOT_ASSIGNEE', () =>
    spec
      .given(september)
      .when(byC1(100, { case: aCase().sortedTo('C-2').state() }))
      .thenFails('NOT_ASSIGNEE'));

  it('on an unassigned case: NOT_ASSIGNEE', () =>
    spec
      .given(september)
      .when(byC1(100, { case: aCase().state() }))
      .thenFails('NOT_ASSIGNEE'));

  it('accountability comes before the limit', () =>
    spec
      .given([])
      .when(byC1(999999, { case: aCase().sortedTo('C-2').state() }))
      .thenFails('NOT_ASSIGNEE'));

  it('on an unknown case: CASE_NOT_FOUND, before STAFF_INACTIVE and accountability', () =>
    spec
      .given(september)
      .when(byC1(999999, { case: noCase().state(), by: c1.inactive().actor(), staffId: 'C-2' }))
      .thenFails('CASE_NOT_FOUND'));

  it('an inactive correspondent: STAFF_INACTIVE, before NOT_ASSIGNEE', () =>
    spec
      .given(september)
      .when(byC1(100, { by: c1.inactive().actor(), case: aCase().sortedTo('C-2').state() }))
      .thenFails('STAFF_INACTIVE'));

  it.each([
    ['4m59s ahead', 4 * MINUTE + 59 * SECOND],
    ['exactly 5m ahead', 5 * MINUTE],
  ])('occurredAt %s is accepted', (_, offset) =>
    spec
      .given(september)
      .when(byC1(100, { occurredAt: plusMs(NOW, offset) }))
      .then(granted(100)),
  );

  it('occurredAt 5m01s ahead: OCCURRED_IN_FUTURE, before CASE_NOT_FOUND', () =>
    spec
      .given(september)
      .when(byC1(100, { occurredAt: plusMs(NOW, 5 * MINUTE + SECOND), case: noCase().state() }))
      .thenFails('OCCURRED_IN_FUTURE'));

  it('a grantId already used on the account: VALIDATION_FAILED', () =>
    spec
      .given([...september, goodwillGranted('G-1', 'C-1', 100)])
      .when(byC1(100))
      .thenFails('VALIDATION_FAILED', [
        { path: 'grantId', message: 'Grant G-1 already exists on this account' },
      ]));

  it.each([
    [
      'kind product without sku',
      { kind: 'product' as const, quantity: 1 },
      [{ path: 'sku', message: 'Required for kind product' }],
    ],
    [
      'kind product without quantity',
      { kind: 'product' as const, sku: 'LID' },
      [{ path: 'quantity', message: 'A positive whole number, required for kind product' }],
    ],
    [
      'kind product with quantity 0',
      { kind: 'product' as const, sku: 'LID', quantity: 0 },
      [{ path: 'quantity', message: 'A positive whole number, required for kind product' }],
    ],
  ])('%s: VALIDATION_FAILED', (_, options, details) =>
    spec.given(september).when(byC1(100, options)).thenFails('VALIDATION_FAILED', details),
  );

  it.each([0, -1, 1.5])('amountCents %s: VALIDATION_FAILED', (amount) =>
    spec
      .given(september)
      .when(byC1(amount))
      .thenFails('VALIDATION_FAILED', [{ path: 'amountCents', message: 'A positive whole number of cents' }]),
  );
});
