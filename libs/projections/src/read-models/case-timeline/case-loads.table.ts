import type { FactsOf, ReadModelTable } from '../read-model-table.js';
import { CaseLoad } from './case-load.entity.js';

type LoadChange = 'ComplaintReceived' | 'CaseSorted' | 'CaseAssigned' | 'CaseResolved' | 'CaseReopened';

/**
 * A case's events set its load outright, in log order, as the department's live workload folds them.
 * Rows are written out, not spread: on Node 20's V8 a member set after a spread takes a slow path.
 */
function evolve(row: CaseLoad | null, e: FactsOf<LoadChange>): CaseLoad {
  if (row !== null && e.globalPosition <= row.globalPosition) return row;
  if (e.type === 'ComplaintReceived' || row === null) {
    // A case event before its complaint cannot be in a log; the row then starts closed, as the fold does.
    row = {
      caseId: e.data.caseId,
      open: e.type === 'ComplaintReceived',
      assigneeId: null,
      complexity: null,
      globalPosition: 0,
    };
  }
  return {
    caseId: row.caseId,
    open: e.type === 'CaseResolved' ? false : e.type === 'CaseReopened' ? true : row.open,
    assigneeId: e.type === 'CaseAssigned' ? e.data.assigneeId : row.assigneeId,
    complexity: e.type === 'CaseSorted' ? e.data.complexity : row.complexity,
    globalPosition: e.globalPosition,
  };
}

export const caseLoads: ReadModelTable<CaseLoad, LoadChange> = {
  entity: CaseLoad,
  handles: ['ComplaintReceived', 'CaseSorted', 'CaseAssigned', 'CaseResolved', 'CaseReopened'],
  keyOf: (e) => [e.data.caseId],
  evolve,
};
