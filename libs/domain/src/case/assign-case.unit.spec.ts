import { aCase, assignCase } from '../testing/case-fixtures.js';
import { DeciderSpecification } from '../testing/decider-specification.js';
import { aCorrespondent, aSorter, aSupervisor } from '../testing/staff-fixtures.js';
import { caseDecider } from './case.decider.js';

const spec = DeciderSpecification.for(caseDecider);
const sorter = aSorter('SORT-1').actor();
const c1 = aCorrespondent('C-1');
const c2 = aCorrespondent('C-2');

describe('AssignCase', () => {
  it('assigns an unassigned case', () =>
    spec
      .given(aCase().events())
      .when(assignCase('C-1', { by: sorter, assignee: c1.state(), reason: 'manual' }))
      .then({ type: 'CaseAssigned', data: { caseId: 'case-1', assigneeId: 'C-1', reason: 'manual' } }));

  it('reassigns with previousAssigneeId and the given reason', () =>
    spec
      .given(aCase().sortedTo('C-1').events())
      .when(assignCase('C-2', { by: sorter, assignee: c2.state(), reason: 'rebalance' }))
      .then({
        type: 'CaseAssigned',
        data: { caseId: 'case-1', assigneeId: 'C-2', previousAssigneeId: 'C-1', reason: 'rebalance' },
      }));

  it('to the current assignee appends nothing', () =>
    spec
      .given(aCase().sortedTo('C-1').events())
      .when(assignCase('C-1', { by: sorter, assignee: c1.state() }))
      .thenNothing());

  it('does not check skill', () =>
    spec
      .given(aCase().sorted({ complexity: 5 }).events())
      .when(assignCase('C-1', { by: sorter, assignee: c1.withSkill(1).state() }))
      .then({ type: 'CaseAssigned', data: { caseId: 'case-1', assigneeId: 'C-1', reason: 'manual' } }));

  it.each([
    ['an inactive correspondent', c2.inactive().state()],
    ['a sorter', aSorter('C-2').state()],
    ['an unknown staffId', null],
  ])('refuses %s with NOT_A_CORRESPONDENT', (_, assignee) =>
    spec
      .given(aCase().sortedTo('C-1').events())
      .when(assignCase('C-2', { by: sorter, assignee }))
      .thenFails('NOT_A_CORRESPONDENT'),
  );

  it('refuses the current assignee once deactivated (NOT_A_CORRESPONDENT before "no change")', () =>
    spec
      .given(aCase().sortedTo('C-1').events())
      .when(assignCase('C-1', { by: sorter, assignee: c1.inactive().state() }))
      .thenFails('NOT_A_CORRESPONDENT'));

  it('refuses a resolved case with CASE_NOT_OPEN, before looking at the assignee', () =>
    spec
      .given(aCase().sortedTo('C-1').responded().resolved().events())
      .when(assignCase('C-2', { by: sorter, assignee: null }))
      .thenFails('CASE_NOT_OPEN'));

  it('refuses an unknown case with CASE_NOT_FOUND', () =>
    spec
      .given([])
      .when(assignCase('C-1', { by: sorter, assignee: c1.state() }))
      .thenFails('CASE_NOT_FOUND'));

  it('lets a supervisor assign', () =>
    spec
      .given(aCase().events())
      .when(assignCase('C-1', { by: aSupervisor().actor(), assignee: c1.state() }))
      .then({ type: 'CaseAssigned', data: { caseId: 'case-1', assigneeId: 'C-1', reason: 'manual' } }));
});
