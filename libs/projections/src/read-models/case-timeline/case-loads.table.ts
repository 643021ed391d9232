import type { EventFacts } from '#event-store';
import type { ReadModelTable } from '../read-model-table.js';
import { CaseLoad } from './case-load.entity.js';

type CaseData = { caseId: string; complexity?: number; assigneeId?: string };

/**
 * A case's events set its load outright, in log order, as the department's live workload folds them.
 * Rows are written out, not spread: on Node 20's V8 a member set after a spread takes a slow path.
 */
function evolve(row: CaseLoad | null, e: EventFacts): CaseLoad {
  if (row !== null && e.globalPosition <= row.globalPosition) return row;
  const d = e.data as CaseData;
  if (e.type === 'ComplaintReceived' || row === null) {
    // A case event before its complaint cannot be in a log; the row then starts closed, as the fold does.
    row = {
      caseId: d.caseId,
      open: e.type === 'ComplaintReceived',
      assigneeId: null,
      complexity: null,
      globalPosition: 0,
    };
  }
  return {
    caseId: row.caseId,
    open: e.type === 'CaseResolved' ? false : e.type === 'CaseReopened' ? true : row.open,
    assigneeId: e.type === 'CaseAssigned' ? (d.assigneeId ?? null) : row.assigneeId,
    complexity: e.type === 'CaseSorted' ? (d.complexity ?? null) : row.complexity,
    globalPosition: e.globalPosition,
  };
}

export const caseLoads: ReadModelTable<CaseLoad> = {
  entity: CaseLoad,
  handles: ['ComplaintReceived', 'CaseSorted', 'CaseAssigned', 'CaseResolved', 'CaseReopened'],
  keyOf: (e) => [(e.data as CaseData).caseId],
  evolve,
};
