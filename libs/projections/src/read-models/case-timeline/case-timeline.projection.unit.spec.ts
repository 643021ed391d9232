import { recorded } from '../../../test/recorded-event.js';
import { rowsAfter } from '../../../test/fold.js';
import {
  caseAssignments,
  casePriorityRaises,
  caseRatings,
  caseRepeatContacts,
  caseResponses,
  caseSortings,
  caseStatusChanges,
  caseTimelineTables,
  receivedCases,
} from './case-timeline.projection.js';

const at = { occurredAt: '2026-09-01T08:30:00.000Z', position: 7, eventId: 'e-7' };
const fact = { eventId: 'e-7', occurredAt: '2026-09-01T08:30:00.000Z', globalPosition: 7 };

describe('case timeline: one time-stamped fact per event, applied twice changes nothing', () => {
  it('ComplaintReceived opens the case row, the distributor being the complainant when none is named', () => {
    const e = recorded(
      'ComplaintReceived',
      {
        caseId: 'K-1',
        channel: 'mail',
        complainant: { type: 'distributor', id: 'D-17', name: 'Dana' },
        subject: 'Lid',
        body: 'cracked',
      },
      at,
    );
    const expected = {
      caseId: 'K-1',
      receivedAt: at.occurredAt,
      channel: 'mail',
      complainantType: 'distributor',
      complainantId: 'D-17',
      complainantName: 'Dana',
      distributorId: 'D-17',
      orderId: null,
      subject: 'Lid',
      eventId: 'e-7',
      globalPosition: 7,
    };
    expect(rowsAfter(receivedCases, [e])).toEqual([expected]);
    expect(rowsAfter(receivedCases, [e, e])).toEqual([expected]);
    expect(rowsAfter(receivedCases, [e], [e])).toEqual([expected]);
  });

  it('ComplaintReceived from a customer takes the named distributor, or none', () => {
    const named = recorded('ComplaintReceived', {
      caseId: 'K-2',
      channel: 'web',
      complainant: { type: 'customer', id: 'C-9' },
      distributorId: 'D-3',
      orderId: 'O-1',
      subject: 's',
      body: 'b',
    });
    const none = recorded('ComplaintReceived', {
      caseId: 'K-3',
      channel: 'web',
      complainant: { type: 'customer', id: 'C-9' },
      subject: 's',
      body: 'b',
    });
    expect(
      rowsAfter(receivedCases, [named, none]).map((r) => [r.caseId, r.distributorId, r.orderId]),
    ).toEqual([
      ['K-2', 'D-3', 'O-1'],
      ['K-3', null, null],
    ]);
  });

  it('CaseSorted keeps category, complexity and priority at its business time', () => {
    const e = recorded(
      'CaseSorted',
      { caseId: 'K-1', category: 'product', complexity: 4, priority: 'high', sortedBy: 'S-2' },
      at,
    );
    const expected = {
      ...fact,
      caseId: 'K-1',
      category: 'product',
      complexity: 4,
      priority: 'high',
      sortedBy: 'S-2',
    };
    expect(rowsAfter(caseSortings, [e], [e])).toEqual([expected]);
  });

  it('a re-sort is a second fact, not an overwrite', () => {
    const first = recorded('CaseSorted', {
      caseId: 'K-1',
      category: 'product',
      complexity: 2,
      priority: 'low',
      sortedBy: 'S-2',
    });
    const second = recorded('CaseSorted', {
      caseId: 'K-1',
      category: 'product',
      complexity: 5,
      priority: 'high',
      sortedBy: 'S-2',
    });
    expect(rowsAfter(caseSortings, [first, second]).map((r) => r.complexity)).toEqual([2, 5]);
  });

  it('CasePriorityRaised keeps both priorities', () => {
    const e = recorded(
      'CasePriorityRaised',
      { caseId: 'K-1', from: 'normal', to: 'high', reason: 'repeat contact' },
      at,
    );
    expect(rowsAfter(casePriorityRaises, [e], [e])).toEqual([
      { ...fact, caseId: 'K-1', fromPriority: 'normal', toPriority: 'high', reason: 'repeat contact' },
    ]);
  });

  it('CaseAssigned keeps assignee, previous assignee and reason', () => {
    const e = recorded(
      'CaseAssigned',
      { caseId: 'K-1', assigneeId: 'C-2', previousAssigneeId: 'C-1', reason: 'rebalance' },
      at,
    );
    expect(rowsAfter(caseAssignments, [e, e])).toEqual([
      { ...fact, caseId: 'K-1', assigneeId: 'C-2', previousAssigneeId: 'C-1', reason: 'rebalance' },
    ]);
  });

  it('CaseResolved is a `resolved` status change with its resolution', () => {
    const e = recorded('CaseResolved', { caseId: 'K-1', resolution: 'Replaced', resolvedBy: 'C-2' }, at);
    expect(rowsAfter(caseStatusChanges, [e], [e])).toEqual([
      { ...fact, caseId: 'K-1', status: 'resolved', note: 'Replaced', resolvedBy: 'C-2' },
    ]);
  });

  it('CaseReopened is a `reopened` status change with its reason', () => {
    const e = recorded('CaseReopened', { caseId: 'K-1', reason: 'Cracked again' }, at);
    expect(rowsAfter(caseStatusChanges, [e], [e])).toEqual([
      { ...fact, caseId: 'K-1', status: 'reopened', note: 'Cracked again', resolvedBy: null },
    ]);
  });

  it('ResponseSent keeps channel and author', () => {
    const e = recorded(
      'ResponseSent',
      { caseId: 'K-1', channel: 'email', summary: 'Sorry', respondedBy: 'C-2' },
      at,
    );
    expect(rowsAfter(caseResponses, [e], [e])).toEqual([
      { ...fact, caseId: 'K-1', channel: 'email', respondedBy: 'C-2' },
    ]);
  });

  it('CaseContactRepeated is counted once per event', () => {
    const e = recorded('CaseContactRepeated', { caseId: 'K-1', channel: 'phone', body: 'again' }, at);
    const other = recorded('CaseContactRepeated', { caseId: 'K-1', channel: 'mail', body: 'and again' });
    expect(rowsAfter(caseRepeatContacts, [e, e], [e])).toEqual([
      { ...fact, caseId: 'K-1', channel: 'phone' },
    ]);
    expect(rowsAfter(caseRepeatContacts, [e, other])).toHaveLength(2);
  });

  it('SatisfactionRecorded keeps the rating', () => {
    const e = recorded('SatisfactionRecorded', { caseId: 'K-1', rating: 'annoyed', comment: 'slow' }, at);
    expect(rowsAfter(caseRatings, [e], [e])).toEqual([{ ...fact, caseId: 'K-1', rating: 'annoyed' }]);
  });

  it('ignores events it does not handle (e.g. the complainant index stream)', () => {
    const e = recorded('ComplainantCaseOpened', {
      caseId: 'K-1',
      complainant: { type: 'customer', id: 'C-1' },
      subjectKey: 'lid',
    });
    for (const table of caseTimelineTables) expect(rowsAfter(table, [e])).toEqual([]);
  });
});
