import { MINUTE, NOW, plusMs, SECOND } from '../testing/clock.js';
import { DeciderSpecification, stateOf } from '../testing/decider-specification.js';
import { allocateBudget, budgetAllocated } from '../testing/money-fixtures.js';
import { aCorrespondent, aSupervisor, anAdmin } from '../testing/staff-fixtures.js';
import { goodwillDecider } from './goodwill.decider.js';
import { budgetFor, remainingBudget } from './goodwill.state.js';

const spec = DeciderSpecification.for(goodwillDecider);
const supervisor = aSupervisor('SUP-1').actor();
const c1 = aCorrespondent('C-1');

describe('AllocateGoodwillBudget', () => {
  it('allocates a month’s budget, naming who allocated it', () =>
    spec
      .given([])
      .when(allocateBudget('C-1', '2026-09', 20000, { by: supervisor, staff: c1.state() }))
      .then({
        type: 'GoodwillBudgetAllocated',
        data: { staffId: 'C-1', month: '2026-09', amountCents: 20000, allocatedBy: 'SUP-1' },
      }));

  it('adds up with earlier allocations of the same month', () =>
    spec
      .given([budgetAllocated('C-1', '2026-09', 20000)])
      .when(allocateBudget('C-1', '2026-09', 5000, { by: supervisor, staff: c1.state() }))
      .thenState({ budgets: { '2026-09': 25000 } }));

  it('may allocate a past or future month, whenever allocated', () =>
    spec
      .given([])
      .when(allocateBudget('C-1', '2027-01', 100, { by: anAdmin('root'), staff: c1.state() }))
      .then({
        type: 'GoodwillBudgetAllocated',
        data: { staffId: 'C-1', month: '2027-01', amountCents: 100, allocatedBy: 'root' },
      }));

  it('may allocate to an inactive staff member (the record exists)', () =>
    spec
      .given([])
      .when(allocateBudget('C-1', '2026-09', 100, { by: supervisor, staff: c1.inactive().state() }))
      .then({
        type: 'GoodwillBudgetAllocated',
        data: { staffId: 'C-1', month: '2026-09', amountCents: 100, allocatedBy: 'SUP-1' },
      }));

  it('refuses a staffId that is not registered with STAFF_NOT_FOUND', () =>
    spec
      .given([])
      .when(
        allocateBudget('C-404', '2026-09', 100, {
          by: supervisor,
          staff: aCorrespondent('C-404').unregistered().state(),
        }),
      )
      .thenFails('STAFF_NOT_FOUND', { staffId: 'C-404' }));

  it('refuses when the staff record given is someone else’s (STAFF_NOT_FOUND)', () =>
    spec
      .given([])
      .when(allocateBudget('C-2', '2026-09', 100, { by: supervisor, staff: c1.state() }))
      .thenFails('STAFF_NOT_FOUND'));

  it('refuses an inactive supervisor with STAFF_INACTIVE, before STAFF_NOT_FOUND', () =>
    spec
      .given([])
      .when(
        allocateBudget('C-404', '2026-09', 100, {
          by: aSupervisor().inactive().actor(),
          staff: aCorrespondent('C-404').unregistered().state(),
        }),
      )
      .thenFails('STAFF_INACTIVE'));

  it('refuses occurredAt 5m01s ahead with OCCURRED_IN_FUTURE, before STAFF_INACTIVE', () =>
    spec
      .given([])
      .when(
        allocateBudget('C-1', '2026-09', 100, {
          by: aSupervisor().inactive().actor(),
          staff: c1.state(),
          occurredAt: plusMs(NOW, 5 * MINUTE + SECOND),
        }),
      )
      .thenFails('OCCURRED_IN_FUTURE'));

  it.each([
    ['a month 13', '2026-13', 100, [{ path: 'month', message: 'A month as YYYY-MM' }]],
    ['a date instead of a month', '2026-09-01', 100, [{ path: 'month', message: 'A month as YYYY-MM' }]],
    ['zero cents', '2026-09', 0, [{ path: 'amountCents', message: 'A positive whole number of cents' }]],
    ['negative cents', '2026-09', -5, [{ path: 'amountCents', message: 'A positive whole number of cents' }]],
    [
      'fractional cents',
      '2026-09',
      10.5,
      [{ path: 'amountCents', message: 'A positive whole number of cents' }],
    ],
    [
      'both wrong',
      '9-2026',
      0,
      [
        { path: 'month', message: 'A month as YYYY-MM' },
        { path: 'amountCents', message: 'A positive whole number of cents' },
      ],
    ],
  ])('refuses %s with VALIDATION_FAILED naming every field', (_, month, amount, details) =>
    spec
      .given([])
      .when(allocateBudget('C-1', month, amount, { by: supervisor, staff: c1.state() }))
      .thenFails('VALIDATION_FAILED', details),
  );
});

describe('goodwill account state', () => {
  it('a month without allocation has budget 0', () => {
    const state = stateOf(goodwillDecider, [budgetAllocated('C-1', '2026-09', 100)]);
    expect(budgetFor(state, '2026-10')).toBe(0);
    expect(remainingBudget(state, '2026-10')).toBe(0);
    expect(remainingBudget(state, '2026-09')).toBe(100);
  });
});
