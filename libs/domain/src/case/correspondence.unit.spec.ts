import { aCase, completeFollowUp, noCase, promiseFollowUp, sendResponse } from '../testing/case-fixtures.js';
import { DeciderSpecification } from '../testing/decider-specification.js';
import { aCorrespondent, aSupervisor, anAdmin } from '../testing/staff-fixtures.js';
import { caseDecider } from './case.decider.js';

const spec = DeciderSpecification.for(caseDecider);
const c1 = aCorrespondent('C-1').actor();
const c2 = aCorrespondent('C-2').actor();
const supervisor = aSupervisor('SUP-1').actor();
const assigned = aCase().sortedTo('C-1');

describe('SendResponse', () => {
  it('records the response by the assignee', () =>
    spec
      .given(assigned.events())
      .when(sendResponse({ by: c1, channel: 'phone', summary: 'Called: new lid on its way' }))
      .then({
        type: 'ResponseSent',
        data: {
          caseId: 'case-1',
          channel: 'phone',
          summary: 'Called: new lid on its way',
          respondedBy: 'C-1',
        },
      }));

  it('lets a supervisor respond on a case assigned to someone else', () =>
    spec
      .given(assigned.events())
      .when(sendResponse({ by: supervisor }))
      .then({
        type: 'ResponseSent',
        data: {
          caseId: 'case-1',
          channel: 'email',
          summary: 'We are sending a new lid.',
          respondedBy: 'SUP-1',
        },
      }));

  it('lets an admin act as a supervisor', () =>
    spec
      .given(assigned.events())
      .when(sendResponse({ by: anAdmin('root') }))
      .then({
        type: 'ResponseSent',
        data: {
          caseId: 'case-1',
          channel: 'email',
          summary: 'We are sending a new lid.',
          respondedBy: 'root',
        },
      }));

  it('allows several responses', () =>
    spec
      .given(assigned.responded().responded().events())
      .when(sendResponse({ by: c1 }))
      .then({
        type: 'ResponseSent',
        data: {
          caseId: 'case-1',
          channel: 'email',
          summary: 'We are sending a new lid.',
          respondedBy: 'C-1',
        },
      }));

  it('refuses another correspondent with NOT_ASSIGNEE', () =>
    spec
      .given(assigned.events())
      .when(sendResponse({ by: c2 }))
      .thenFails('NOT_ASSIGNEE', { caseId: 'case-1', assigneeId: 'C-1' }));

  it('refuses a correspondent on an unassigned case with NOT_ASSIGNEE', () =>
    spec
      .given(aCase().events())
      .when(sendResponse({ by: c1 }))
      .thenFails('NOT_ASSIGNEE', { caseId: 'case-1', assigneeId: null }));

  it('refuses a supervisor on an unassigned case with CASE_NOT_ASSIGNED', () =>
    spec
      .given(aCase().sorted().events())
      .when(sendResponse({ by: supervisor }))
      .thenFails('CASE_NOT_ASSIGNED', { caseId: 'case-1' }));

  it('refuses a resolved case with CASE_NOT_OPEN', () =>
    spec
      .given(assigned.responded().resolved().events())
      .when(sendResponse({ by: c1 }))
      .thenFails('CASE_NOT_OPEN', { caseId: 'case-1', status: 'resolved' }));

  it('refuses an unknown case with CASE_NOT_FOUND', () =>
    spec
      .given(noCase().events())
      .when(sendResponse({ by: c1 }))
      .thenFails('CASE_NOT_FOUND'));

  it('is allowed on a reopened case', () =>
    spec
      .given(assigned.responded().resolved().reopened().events())
      .when(sendResponse({ by: c1 }))
      .then({
        type: 'ResponseSent',
        data: {
          caseId: 'case-1',
          channel: 'email',
          summary: 'We are sending a new lid.',
          respondedBy: 'C-1',
        },
      }));
});

describe('PromiseFollowUp', () => {
  it('records the promise with its due date', () =>
    spec
      .given(assigned.events())
      .when(
        promiseFollowUp('F-1', {
          by: c1,
          dueAt: '2026-09-18T09:00:00.000Z',
          description: 'Confirm the lid arrived',
        }),
      )
      .then({
        type: 'FollowUpPromised',
        data: {
          caseId: 'case-1',
          followUpId: 'F-1',
          dueAt: '2026-09-18T09:00:00.000Z',
          description: 'Confirm the lid arrived',
          promisedBy: 'C-1',
        },
      }));

  it('records a second promise beside a first one, pending or kept', () =>
    spec
      .given(assigned.promised('F-1').promised('F-2').completed('F-2').events())
      .when(promiseFollowUp('F-3', { by: c1, dueAt: '2026-09-18T09:00:00.000Z', description: 'Call back' }))
      .then({
        type: 'FollowUpPromised',
        data: {
          caseId: 'case-1',
          followUpId: 'F-3',
          dueAt: '2026-09-18T09:00:00.000Z',
          description: 'Call back',
          promisedBy: 'C-1',
        },
      }));

  it('lets a supervisor promise on any assigned case', () =>
    spec
      .given(assigned.events())
      .when(promiseFollowUp('F-9', { by: supervisor }))
      .then({
        type: 'FollowUpPromised',
        data: {
          caseId: 'case-1',
          followUpId: 'F-9',
          dueAt: '2026-09-17T12:00:00.000Z',
          description: 'Call back once the lid shipped',
          promisedBy: 'SUP-1',
        },
      }));

  it('refuses another correspondent with NOT_ASSIGNEE', () =>
    spec
      .given(assigned.events())
      .when(promiseFollowUp('F-1', { by: c2 }))
      .thenFails('NOT_ASSIGNEE'));

  it('refuses an unassigned case with CASE_NOT_ASSIGNED (supervisor)', () =>
    spec
      .given(aCase().events())
      .when(promiseFollowUp('F-1', { by: supervisor }))
      .thenFails('CASE_NOT_ASSIGNED'));

  it('refuses a resolved case with CASE_NOT_OPEN', () =>
    spec
      .given(assigned.responded().resolved().events())
      .when(promiseFollowUp('F-1', { by: supervisor }))
      .thenFails('CASE_NOT_OPEN'));

  it('refuses a followUpId already promised on the case (VALIDATION_FAILED)', () =>
    spec
      .given(assigned.promised('F-1').completed('F-1').events())
      .when(promiseFollowUp('F-1', { by: c1 }))
      .thenFails('VALIDATION_FAILED', [
        { path: 'followUpId', message: 'Follow-up F-1 was already promised on this case' },
      ]));
});

describe('CompleteFollowUp', () => {
  it('completes a pending follow-up', () =>
    spec
      .given(assigned.promised('F-1').events())
      .when(completeFollowUp('F-1', { by: c1 }))
      .then({
        type: 'FollowUpCompleted',
        data: { caseId: 'case-1', followUpId: 'F-1', completedBy: 'C-1' },
      }));

  it('keeps the note when given', () =>
    spec
      .given(assigned.promised('F-1').events())
      .when(completeFollowUp('F-1', { by: c1, note: 'Lid arrived, customer happy' }))
      .then({
        type: 'FollowUpCompleted',
        data: {
          caseId: 'case-1',
          followUpId: 'F-1',
          completedBy: 'C-1',
          note: 'Lid arrived, customer happy',
        },
      }));

  it('lets a supervisor complete a follow-up promised by the assignee', () =>
    spec
      .given(assigned.promised('F-1').events())
      .when(completeFollowUp('F-1', { by: supervisor }))
      .then({
        type: 'FollowUpCompleted',
        data: { caseId: 'case-1', followUpId: 'F-1', completedBy: 'SUP-1' },
      }));

  it('lets the new assignee complete a follow-up the previous one promised', () =>
    spec
      .given(assigned.promised('F-1').assignedTo('C-2', 'rebalance').events())
      .when(completeFollowUp('F-1', { by: c2 }))
      .then({
        type: 'FollowUpCompleted',
        data: { caseId: 'case-1', followUpId: 'F-1', completedBy: 'C-2' },
      }));

  it('refuses an unknown follow-up with FOLLOW_UP_NOT_FOUND', () =>
    spec
      .given(assigned.promised('F-1').events())
      .when(completeFollowUp('F-2', { by: c1 }))
      .thenFails('FOLLOW_UP_NOT_FOUND', { caseId: 'case-1', followUpId: 'F-2' }));

  it('refuses a second completion with ALREADY_COMPLETED', () =>
    spec
      .given(assigned.promised('F-1').completed('F-1').events())
      .when(completeFollowUp('F-1', { by: c1 }))
      .thenFails('ALREADY_COMPLETED', { caseId: 'case-1', followUpId: 'F-1' }));

  it('refuses another correspondent with NOT_ASSIGNEE before looking at the follow-up', () =>
    spec
      .given(assigned.promised('F-1').events())
      .when(completeFollowUp('F-404', { by: c2 }))
      .thenFails('NOT_ASSIGNEE'));

  it('on a resolved case answers ALREADY_COMPLETED (no CASE_NOT_OPEN check applies)', () =>
    spec
      .given(assigned.promised('F-1').completed('F-1').responded().resolved().events())
      .when(completeFollowUp('F-1', { by: c1 }))
      .thenFails('ALREADY_COMPLETED'));

  it('refuses an unknown case with CASE_NOT_FOUND', () =>
    spec
      .given([])
      .when(completeFollowUp('F-1', { by: c1 }))
      .thenFails('CASE_NOT_FOUND'));
});
