import { aCase, noCase, recordSatisfaction, reopenCase, resolveCase } from '../testing/case-fixtures.js';
import { DeciderSpecification } from '../testing/decider-specification.js';
import {
  aCorrespondent,
  aSorter,
  aSupervisor,
  anIntakeClerk,
  anIntegration,
} from '../testing/staff-fixtures.js';
import { caseDecider } from './case.decider.js';

const spec = DeciderSpecification.for(caseDecider);
const c1 = aCorrespondent('C-1').actor();
const c2 = aCorrespondent('C-2').actor();
const supervisor = aSupervisor('SUP-1').actor();
const intake = anIntakeClerk('IN-1').actor();
const integration = anIntegration('survey-tool');
const assigned = aCase().sortedTo('C-1');
const resolved = assigned.responded().resolved();

describe('ResolveCase', () => {
  it('resolves after a response', () =>
    spec
      .given(assigned.responded().events())
      .when(resolveCase({ by: c1, resolution: 'New lid shipped' }))
      .then({
        type: 'CaseResolved',
        data: { caseId: 'case-1', resolution: 'New lid shipped', resolvedBy: 'C-1' },
      }));

  it('resolves once every follow-up is completed', () =>
    spec
      .given(assigned.responded().promised('F-1').promised('F-2').completed('F-1').completed('F-2').events())
      .when(resolveCase({ by: c1 }))
      .then({
        type: 'CaseResolved',
        data: { caseId: 'case-1', resolution: 'Replacement lid shipped', resolvedBy: 'C-1' },
      }));

  it('refuses without any response: NO_RESPONSE_SENT', () =>
    spec
      .given(assigned.events())
      .when(resolveCase({ by: c1 }))
      .thenFails('NO_RESPONSE_SENT', { caseId: 'case-1' }));

  it('refuses with a follow-up still pending: OPEN_FOLLOW_UPS, naming it', () =>
    spec
      .given(assigned.responded().promised('F-1').promised('F-2').completed('F-1').events())
      .when(resolveCase({ by: c1 }))
      .thenFails('OPEN_FOLLOW_UPS', { caseId: 'case-1', followUpIds: ['F-2'] }));

  it('checks the response before the follow-ups', () =>
    spec
      .given(assigned.promised('F-1').events())
      .when(resolveCase({ by: c1 }))
      .thenFails('NO_RESPONSE_SENT'));

  it('after a reopen needs a new response: NO_RESPONSE_SENT', () =>
    spec
      .given(resolved.reopened().events())
      .when(resolveCase({ by: c1 }))
      .thenFails('NO_RESPONSE_SENT'));

  it('after a reopen and a new response resolves again', () =>
    spec
      .given(resolved.reopened().responded().events())
      .when(resolveCase({ by: c1 }))
      .then({
        type: 'CaseResolved',
        data: { caseId: 'case-1', resolution: 'Replacement lid shipped', resolvedBy: 'C-1' },
      }));

  it('refuses a resolved case with CASE_NOT_OPEN', () =>
    spec
      .given(resolved.events())
      .when(resolveCase({ by: c1 }))
      .thenFails('CASE_NOT_OPEN'));

  it('refuses another correspondent with NOT_ASSIGNEE', () =>
    spec
      .given(assigned.responded().events())
      .when(resolveCase({ by: c2 }))
      .thenFails('NOT_ASSIGNEE'));

  it('lets a supervisor resolve a case assigned to someone else', () =>
    spec
      .given(assigned.responded().events())
      .when(resolveCase({ by: supervisor }))
      .then({
        type: 'CaseResolved',
        data: { caseId: 'case-1', resolution: 'Replacement lid shipped', resolvedBy: 'SUP-1' },
      }));

  it('refuses an unassigned case with CASE_NOT_ASSIGNED (supervisor)', () =>
    spec
      .given(aCase().events())
      .when(resolveCase({ by: supervisor }))
      .thenFails('CASE_NOT_ASSIGNED'));

  it('refuses an unknown case with CASE_NOT_FOUND', () =>
    spec
      .given(noCase().events())
      .when(resolveCase({ by: c1 }))
      .thenFails('CASE_NOT_FOUND'));
});

describe('ReopenCase', () => {
  it('reopens a resolved case', () =>
    spec
      .given(resolved.events())
      .when(reopenCase({ by: c1, reason: 'Second lid cracked as well' }))
      .then({ type: 'CaseReopened', data: { caseId: 'case-1', reason: 'Second lid cracked as well' } }));

  it('lets intake reopen any case (it records the complainant writing back)', () =>
    spec
      .given(resolved.events())
      .when(reopenCase({ by: intake }))
      .then({ type: 'CaseReopened', data: { caseId: 'case-1', reason: 'The new lid is cracked too' } }));

  it('lets a supervisor reopen', () =>
    spec
      .given(resolved.events())
      .when(reopenCase({ by: supervisor }))
      .then({ type: 'CaseReopened', data: { caseId: 'case-1', reason: 'The new lid is cracked too' } }));

  it('refuses another correspondent with NOT_ASSIGNEE', () =>
    spec
      .given(resolved.events())
      .when(reopenCase({ by: c2 }))
      .thenFails('NOT_ASSIGNEE'));

  it('refuses an integration token with NOT_ASSIGNEE (only ratings are theirs)', () =>
    spec
      .given(resolved.events())
      .when(reopenCase({ by: integration }))
      .thenFails('NOT_ASSIGNEE'));

  it('refuses a sorter who is not the assignee with NOT_ASSIGNEE', () =>
    spec
      .given(resolved.events())
      .when(reopenCase({ by: aSorter().actor() }))
      .thenFails('NOT_ASSIGNEE'));

  it('refuses an open case with CASE_NOT_RESOLVED', () =>
    spec
      .given(assigned.responded().events())
      .when(reopenCase({ by: c1 }))
      .thenFails('CASE_NOT_RESOLVED', { caseId: 'case-1' }));

  it('refuses a reopened case with CASE_NOT_RESOLVED', () =>
    spec
      .given(resolved.reopened().events())
      .when(reopenCase({ by: supervisor }))
      .thenFails('CASE_NOT_RESOLVED'));

  it('refuses an unknown case with CASE_NOT_FOUND', () =>
    spec
      .given([])
      .when(reopenCase({ by: intake }))
      .thenFails('CASE_NOT_FOUND'));

  it('makes the case open again', () =>
    spec
      .given(resolved.rated('angry').events())
      .when(reopenCase({ by: c1 }))
      .thenState({ status: 'open', rating: null, timesReopened: 1, responsesSinceReopen: 0 }));
});

describe('RecordSatisfaction', () => {
  it('records the rating of a resolved case', () =>
    spec
      .given(resolved.events())
      .when(recordSatisfaction('delighted', { by: intake, comment: 'Very kind on the phone' }))
      .then({
        type: 'SatisfactionRecorded',
        data: { caseId: 'case-1', rating: 'delighted', comment: 'Very kind on the phone' },
      }));

  it('has no comment key without a comment', () =>
    spec
      .given(resolved.events())
      .when(recordSatisfaction('annoyed', { by: integration }))
      .then({ type: 'SatisfactionRecorded', data: { caseId: 'case-1', rating: 'annoyed' } }));

  it('lets the assignee and supervisors record it', () => {
    spec
      .given(resolved.events())
      .when(recordSatisfaction('satisfied', { by: c1 }))
      .then({ type: 'SatisfactionRecorded', data: { caseId: 'case-1', rating: 'satisfied' } });
    spec
      .given(resolved.events())
      .when(recordSatisfaction('satisfied', { by: supervisor }))
      .then({ type: 'SatisfactionRecorded', data: { caseId: 'case-1', rating: 'satisfied' } });
  });

  it('refuses another correspondent with NOT_ASSIGNEE', () =>
    spec
      .given(resolved.events())
      .when(recordSatisfaction('angry', { by: c2 }))
      .thenFails('NOT_ASSIGNEE'));

  it('refuses an open case with CASE_NOT_RESOLVED', () =>
    spec
      .given(assigned.events())
      .when(recordSatisfaction('angry', { by: intake }))
      .thenFails('CASE_NOT_RESOLVED'));

  it('refuses a reopened case with CASE_NOT_RESOLVED', () =>
    spec
      .given(resolved.rated().reopened().events())
      .when(recordSatisfaction('angry', { by: intake }))
      .thenFails('CASE_NOT_RESOLVED'));

  it('refuses a second rating of the same resolution with ALREADY_RATED', () =>
    spec
      .given(resolved.rated('satisfied').events())
      .when(recordSatisfaction('angry', { by: intake }))
      .thenFails('ALREADY_RATED', { caseId: 'case-1', rating: 'satisfied' }));

  it('rates again after a reopen and a new resolution', () =>
    spec
      .given(resolved.rated('satisfied').reopened().responded().resolved().events())
      .when(recordSatisfaction('disappointed', { by: intake }))
      .then({ type: 'SatisfactionRecorded', data: { caseId: 'case-1', rating: 'disappointed' } }));

  it('refuses an unknown case with CASE_NOT_FOUND', () =>
    spec
      .given([])
      .when(recordSatisfaction('angry', { by: integration }))
      .thenFails('CASE_NOT_FOUND'));

  it('shows the rating of the latest resolution', () =>
    spec
      .given(resolved.events())
      .when(recordSatisfaction('delighted', { by: intake }))
      .thenState({ rating: 'delighted', ratedThisResolution: true }));
});
