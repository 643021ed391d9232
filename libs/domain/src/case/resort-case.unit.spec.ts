import { aCase, sortCase } from '../testing/case-fixtures.js';
import { DeciderSpecification } from '../testing/decider-specification.js';
import { aCorrespondent, aSorter } from '../testing/staff-fixtures.js';
import { caseDecider } from './case.decider.js';

const spec = DeciderSpecification.for(caseDecider);
const sorter = aSorter('SORT-1').actor();
const c1 = aCorrespondent('C-1');
const c2 = aCorrespondent('C-2');

describe('SortCase again (re-triage)', () => {
  it('keeping the assignee emits no CaseAssigned', () =>
    spec
      .given(aCase().sortedTo('C-1', { complexity: 2 }).events())
      .when(
        sortCase(
          { complexity: 3, priority: 'high' },
          { by: sorter, workload: [c1.withLoad(0, 0), c2.withLoad(5, 2)] },
        ),
      )
      .then([
        {
          type: 'CaseSorted',
          data: {
            caseId: 'case-1',
            category: 'product',
            complexity: 3,
            priority: 'high',
            sortedBy: 'SORT-1',
          },
        },
      ]));

  it('keeping an explicit assignee emits no CaseAssigned', () =>
    spec
      .given(aCase().sortedTo('C-1').events())
      .when(sortCase({ assigneeId: 'C-1', priority: 'low' }, { by: sorter, assignee: c1.state() }))
      .then([
        {
          type: 'CaseSorted',
          data: {
            caseId: 'case-1',
            category: 'product',
            complexity: 3,
            priority: 'low',
            sortedBy: 'SORT-1',
          },
        },
      ]));

  it('changing the assignee emits CaseAssigned with previousAssigneeId', () =>
    spec
      .given(aCase().sortedTo('C-1').events())
      .when(
        sortCase(
          { complexity: 5 },
          { by: sorter, workload: [c1.withSkill(3).withLoad(0, 0), c2.withSkill(5).withLoad(7, 3)] },
        ),
      )
      .then([
        {
          type: 'CaseSorted',
          data: {
            caseId: 'case-1',
            category: 'product',
            complexity: 5,
            priority: 'normal',
            sortedBy: 'SORT-1',
          },
        },
        {
          type: 'CaseAssigned',
          data: { caseId: 'case-1', assigneeId: 'C-2', previousAssigneeId: 'C-1', reason: 'sort' },
        },
      ]));

  it('re-sorting an assigned but never sorted case records the sort', () =>
    spec
      .given(aCase().assignedTo('C-1', 'manual').events())
      .when(sortCase({}, { by: sorter, workload: [c1.withLoad(0, 0)] }))
      .then([
        {
          type: 'CaseSorted',
          data: {
            caseId: 'case-1',
            category: 'product',
            complexity: 3,
            priority: 'normal',
            sortedBy: 'SORT-1',
          },
        },
      ]));

  it('is allowed after a reopen (the case is open again)', () =>
    spec
      .given(aCase().sortedTo('C-1').responded().resolved().reopened().events())
      .when(sortCase({ priority: 'urgent' }, { by: sorter, workload: [c1.withLoad(0, 0)] }))
      .then([
        {
          type: 'CaseSorted',
          data: {
            caseId: 'case-1',
            category: 'product',
            complexity: 3,
            priority: 'urgent',
            sortedBy: 'SORT-1',
          },
        },
      ]));
});
