import { recorded } from '../../../test/recorded-event.js';
import { rowsAfter } from '../../../test/fold.js';
import { caseLoads } from './case-loads.table.js';

const at = (position: number, type: string, data: object = {}) =>
  recorded(type, { caseId: 'K-1', ...data }, { position });

const received = at(10, 'ComplaintReceived');
const sorted = at(20, 'CaseSorted', { complexity: 4 });
const assigned = at(30, 'CaseAssigned', { assigneeId: 'C-1' });
const resolved = at(40, 'CaseResolved');
const reopened = at(50, 'CaseReopened');

const row = (
  open: boolean,
  assigneeId: string | null,
  complexity: number | null,
  globalPosition: number,
) => ({
  caseId: 'K-1',
  open,
  assigneeId,
  complexity,
  globalPosition,
});

describe('case loads: what each case adds to its assignee now, in log order', () => {
  it('a complaint opens an unsorted, unassigned case; sorting and assigning set the rest', () => {
    expect(rowsAfter(caseLoads, [received])).toEqual([row(true, null, null, 10)]);
    expect(rowsAfter(caseLoads, [received, sorted, assigned])).toEqual([row(true, 'C-1', 4, 30)]);
  });

  it('resolution closes the case and reopening opens it again with its assignee and complexity', () => {
    expect(rowsAfter(caseLoads, [received, sorted, assigned, resolved])).toEqual([row(false, 'C-1', 4, 40)]);
    expect(rowsAfter(caseLoads, [received, sorted, assigned], [resolved, reopened])).toEqual([
      row(true, 'C-1', 4, 50),
    ]);
  });

  it('the latest sort and assignment in log order win; an event the row already holds changes nothing', () => {
    const resorted = at(60, 'CaseSorted', { complexity: 2 });
    const reassigned = at(70, 'CaseAssigned', { assigneeId: 'C-2' });
    const all = [received, sorted, assigned, resolved, reopened, resorted, reassigned];
    expect(rowsAfter(caseLoads, all)).toEqual([row(true, 'C-2', 2, 70)]);
    // The runner replays a batch whose commit it did not see: every event again, in order.
    expect(rowsAfter(caseLoads, all, all)).toEqual([row(true, 'C-2', 2, 70)]);
    expect(rowsAfter(caseLoads, all, [sorted, assigned, resolved])).toEqual([row(true, 'C-2', 2, 70)]);
  });

  it('keeps cases apart', () => {
    const other = recorded('ComplaintReceived', { caseId: 'K-2' }, { position: 11 });
    expect(rowsAfter(caseLoads, [received, other, resolved]).map((r) => [r.caseId, r.open])).toEqual([
      ['K-1', false],
      ['K-2', true],
    ]);
  });
});
