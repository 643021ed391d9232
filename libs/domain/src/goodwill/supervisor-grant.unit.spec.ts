import { MINUTE, NOW, plusMs } from '../testing/clock.js';
import { aCase, noCase } from '../testing/case-fixtures.js';
import { DeciderSpecification, stateOf } from '../testing/decider-specification.js';
import { budgetAllocated, goodwillGranted, grantGoodwill } from '../testing/money-fixtures.js';
import { aCorrespondent, aSupervisor, anAdmin, aSorter } from '../testing/staff-fixtures.js';
import { goodwillDecider } from './goodwill.decider.js';
import { remainingBudget } from './goodwill.state.js';

const spec = DeciderSpecification.for(goodwillDecider);
const c1 = aCorrespondent('C-1');
const c2 = aCorrespondent('C-2');
const supervisor = aSupervisor('SUP-1').actor();
const hisCase = aCase().sortedTo('C-1').state();
const september = [budgetAllocated('C-1', '2026-09', 10000)];
const granted = (amountCents: number, extra = {}) => goodwillGranted('G-1', 'C-1', amountCents, extra);

describe('GrantGoodwill by a supervisor (on a correspondent’s account)', () => {
  const bySupervisor = (amount: number, options: Partial<Parameters<typeof grantGoodwill>[1]> = {}) =>
    grantGoodwill(amount, { by: supervisor, case: hisCase, debited: c1.state(), staffId: 'C-1', ...options });

  it('within budget: approvedBy set, overBudget false', () =>
    spec
      .given(september)
      .when(bySupervisor(2500))
      .then(granted(2500, { approvedBy: 'SUP-1', overBudget: false })));

  it('exactly the remaining budget: overBudget false', () =>
    spec
      .given(september)
      .when(bySupervisor(10000))
      .then(granted(10000, { approvedBy: 'SUP-1', overBudget: false })));

  it('one cent over the remaining budget: granted, overBudget true', () =>
    spec
      .given(september)
      .when(bySupervisor(10001))
      .then(granted(10001, { approvedBy: 'SUP-1', overBudget: true })));

  it('above the per-grant limit but within budget: granted, overBudget false', () =>
    spec
      .given(september)
      .when(bySupervisor(9000))
      .then(granted(9000, { approvedBy: 'SUP-1', overBudget: false })));

  it('above the per-grant limit and over budget: granted, overBudget true', () =>
    spec
      .given([])
      .when(bySupervisor(60000))
      .then(granted(60000, { approvedBy: 'SUP-1', overBudget: true })));

  it('on a case assigned to someone else (any active correspondent, not only the assignee)', () =>
    spec
      .given([budgetAllocated('C-2', '2026-09', 10000)])
      .when(bySupervisor(100, { staffId: 'C-2', debited: c2.state() }))
      .then(goodwillGranted('G-1', 'C-2', 100, { approvedBy: 'SUP-1', overBudget: false })));

  it('on an unassigned case', () =>
    spec
      .given(september)
      .when(bySupervisor(100, { case: aCase().state() }))
      .then(granted(100, { approvedBy: 'SUP-1', overBudget: false })));

  it('an admin acts as a supervisor', () =>
    spec
      .given(september)
      .when(bySupervisor(100, { by: anAdmin('root') }))
      .then(granted(100, { approvedBy: 'root', overBudget: false })));

  it('without staffId: VALIDATION_FAILED on staffId, checked first (even before OCCURRED_IN_FUTURE)', () =>
    spec
      .given(september)
      .when(
        grantGoodwill(100, {
          by: supervisor,
          case: noCase().state(),
          debited: aSupervisor('SUP-1').state(),
          occurredAt: plusMs(NOW, 6 * MINUTE),
        }),
      )
      .thenFails('VALIDATION_FAILED', [
        { path: 'staffId', message: "A supervisor's grant must name the staffId debited" },
      ]));

  it.each([
    ['an inactive correspondent', c2.inactive().state()],
    ['a sorter', aSorter('C-2').state()],
    ['someone not registered', c2.unregistered().state()],
  ])('naming %s: NOT_A_CORRESPONDENT', (_, debited) =>
    spec
      .given([])
      .when(bySupervisor(100, { staffId: 'C-2', debited }))
      .thenFails('NOT_A_CORRESPONDENT', { staffId: 'C-2' }),
  );

  it('naming themselves: NOT_A_CORRESPONDENT', () =>
    spec
      .given([])
      .when(bySupervisor(100, { staffId: 'SUP-1', debited: aSupervisor('SUP-1').state() }))
      .thenFails('NOT_A_CORRESPONDENT'));

  it('on an unknown case: CASE_NOT_FOUND before NOT_A_CORRESPONDENT', () =>
    spec
      .given([])
      .when(bySupervisor(100, { case: noCase().state(), debited: c1.inactive().state() }))
      .thenFails('CASE_NOT_FOUND'));

  it('an inactive supervisor: STAFF_INACTIVE', () =>
    spec
      .given(september)
      .when(bySupervisor(100, { by: aSupervisor().inactive().actor() }))
      .thenFails('STAFF_INACTIVE'));

  it('overBudget is judged against the remaining budget after earlier grants', () =>
    spec
      .given([...september, goodwillGranted('G-0', 'C-1', 9000)])
      .when(bySupervisor(1001))
      .then(granted(1001, { approvedBy: 'SUP-1', overBudget: true })));

  it('debits the account: the remaining budget goes negative', () => {
    const state = stateOf(goodwillDecider, [
      ...september,
      granted(12000, { approvedBy: 'SUP-1', overBudget: true }),
    ]);
    expect(remainingBudget(state, '2026-09')).toBe(-2000);
  });
});
