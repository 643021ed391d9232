import { MINUTE, NOW, plusMs, SECOND } from '../testing/clock.js';
import { aCase, noCase, sortCase } from '../testing/case-fixtures.js';
import { DeciderSpecification } from '../testing/decider-specification.js';
import { aCorrespondent, anAdmin, aSorter, aSupervisor } from '../testing/staff-fixtures.js';
import { caseDecider } from './case.decider.js';

const spec = DeciderSpecification.for(caseDecider);
const sorter = aSorter('SORT-1').actor();
const c1 = aCorrespondent('C-1');
const c2 = aCorrespondent('C-2');
const c3 = aCorrespondent('C-3');

describe('SortCase', () => {
  describe('with an explicit assignee', () => {
    it('records the triage, then assigns with reason sort', () =>
      spec
        .given(aCase().events())
        .when(
          sortCase(
            { category: 'shipping', complexity: 4, priority: 'high', assigneeId: 'C-2' },
            { by: sorter, assignee: c2.state() },
          ),
        )
        .then([
          {
            type: 'CaseSorted',
            data: {
              caseId: 'case-1',
              category: 'shipping',
              complexity: 4,
              priority: 'high',
              sortedBy: 'SORT-1',
            },
          },
          { type: 'CaseAssigned', data: { caseId: 'case-1', assigneeId: 'C-2', reason: 'sort' } },
        ]));

    it('does not check skill: the sorter’s judgment stands', () =>
      spec
        .given(aCase().events())
        .when(
          sortCase({ complexity: 5, assigneeId: 'C-1' }, { by: sorter, assignee: c1.withSkill(1).state() }),
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
          { type: 'CaseAssigned', data: { caseId: 'case-1', assigneeId: 'C-1', reason: 'sort' } },
        ]));

    it.each([
      ['an inactive correspondent', c1.inactive().state()],
      ['a supervisor', aSupervisor('C-1').state()],
      ['someone who is not registered', c1.unregistered().state()],
      ['nobody (no staff record)', null],
      ['a record of someone else', c2.state()],
    ])('refuses %s with NOT_A_CORRESPONDENT', (_, assignee) =>
      spec
        .given(aCase().events())
        .when(sortCase({ assigneeId: 'C-1' }, { by: sorter, assignee }))
        .thenFails('NOT_A_CORRESPONDENT', { assigneeId: 'C-1' }),
    );

    it('prefers the explicit assignee over auto-assignment', () =>
      spec
        .given(aCase().events())
        .when(
          sortCase(
            { assigneeId: 'C-3' },
            { by: sorter, assignee: c3.state(), workload: [c1.withLoad(0, 0)] },
          ),
        )
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
          { type: 'CaseAssigned', data: { caseId: 'case-1', assigneeId: 'C-3', reason: 'sort' } },
        ]));
  });

  describe('with auto-assignment', () => {
    it('assigns the least loaded qualified correspondent', () =>
      spec
        .given(aCase().events())
        .when(
          sortCase(
            { complexity: 3 },
            { by: sorter, workload: [c1.withLoad(8, 3), c2.withLoad(3, 2), c3.withSkill(2).withLoad(0, 0)] },
          ),
        )
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
          { type: 'CaseAssigned', data: { caseId: 'case-1', assigneeId: 'C-2', reason: 'sort' } },
        ]));

    it('answers NO_QUALIFIED_CORRESPONDENT when nobody is skilled enough', () =>
      spec
        .given(aCase().events())
        .when(
          sortCase(
            { complexity: 5 },
            {
              by: sorter,
              workload: [c1.withSkill(4).withLoad(0, 0), c2.inactive().withSkill(5).withLoad(0, 0)],
            },
          ),
        )
        .thenFails('NO_QUALIFIED_CORRESPONDENT', { complexity: 5 }));

    it('answers NO_QUALIFIED_CORRESPONDENT with an empty department', () =>
      spec
        .given(aCase().events())
        .when(sortCase({}, { by: sorter, workload: [] }))
        .thenFails('NO_QUALIFIED_CORRESPONDENT'));
  });

  it('refuses a resolved case with CASE_NOT_OPEN', () =>
    spec
      .given(aCase().sortedTo('C-1').responded().resolved().events())
      .when(sortCase({}, { by: sorter, workload: [c1.withLoad(0, 0)] }))
      .thenFails('CASE_NOT_OPEN'));

  it('refuses an unknown case with CASE_NOT_FOUND', () =>
    spec
      .given(noCase().events())
      .when(sortCase({}, { by: sorter, workload: [c1.withLoad(0, 0)] }))
      .thenFails('CASE_NOT_FOUND', { caseId: 'case-1' }));

  it('is not bound by accountability: a sorter sorts cases assigned to others', () =>
    spec
      .given(aCase().sortedTo('C-1').events())
      .when(sortCase({ assigneeId: 'C-1' }, { by: sorter, assignee: c1.state() }))
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

  it('records who sorted: an admin token without a staff record', () =>
    spec
      .given(aCase().events())
      .when(sortCase({ assigneeId: 'C-1' }, { by: anAdmin('root'), assignee: c1.state() }))
      .then([
        {
          type: 'CaseSorted',
          data: {
            caseId: 'case-1',
            category: 'product',
            complexity: 3,
            priority: 'normal',
            sortedBy: 'root',
          },
        },
        { type: 'CaseAssigned', data: { caseId: 'case-1', assigneeId: 'C-1', reason: 'sort' } },
      ]));

  it.each([0, 6, 2.5])('refuses complexity %s with VALIDATION_FAILED', (complexity) =>
    spec
      .given(aCase().events())
      .when(sortCase({ complexity }, { by: sorter, workload: [c1.withSkill(5).withLoad(0, 0)] }))
      .thenFails('VALIDATION_FAILED', [{ path: 'complexity', message: 'A whole number from 1 to 5' }]),
  );

  it('refuses a sort 5m01s in the future', () =>
    spec
      .given(aCase().events())
      .when(
        sortCase(
          {},
          { by: sorter, workload: [c1.withLoad(0, 0)], occurredAt: plusMs(NOW, 5 * MINUTE + SECOND) },
        ),
      )
      .thenFails('OCCURRED_IN_FUTURE'));

  it('refuses an inactive sorter with STAFF_INACTIVE', () =>
    spec
      .given(aCase().events())
      .when(sortCase({}, { by: aSorter().inactive().actor(), workload: [c1.withLoad(0, 0)] }))
      .thenFails('STAFF_INACTIVE'));
});
