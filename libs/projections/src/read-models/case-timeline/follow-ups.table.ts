import { happenedBefore } from '../business-order.js';
import type { FactsOf, ReadModelTable } from '../read-model-table.js';
import { FollowUp } from './follow-up.entity.js';

type FollowUpChange = 'FollowUpPromised' | 'FollowUpCompleted';

const keyOf = (e: FactsOf<FollowUpChange>) => [e.data.caseId, e.data.followUpId];

/** An empty row for a completion seen before its promise (the promise fills it in). */
const unpromised = (caseId: string, followUpId: string): FollowUp => ({
  caseId,
  followUpId,
  dueAt: '1970-01-01T00:00:00.000Z',
  description: '',
  promisedBy: '',
  promisedAt: '1970-01-01T00:00:00.000Z',
  promisedPosition: 0,
  completedAt: null,
  completedBy: null,
  completedPosition: null,
});

function promise(row: FollowUp | null, e: FactsOf<'FollowUpPromised'>): FollowUp {
  const d = e.data;
  const promised = row !== null && row.promisedPosition > 0;
  // The first promise in business order stands; the same event again changes nothing.
  if (
    promised &&
    !happenedBefore(
      { at: e.occurredAt, position: e.globalPosition },
      { at: row.promisedAt, position: row.promisedPosition },
    )
  ) {
    return row;
  }
  const base = row ?? unpromised(d.caseId, d.followUpId);
  return {
    ...base,
    dueAt: d.dueAt,
    description: d.description,
    promisedBy: d.promisedBy,
    promisedAt: e.occurredAt,
    promisedPosition: e.globalPosition,
  };
}

function complete(row: FollowUp | null, e: FactsOf<'FollowUpCompleted'>): FollowUp {
  const d = e.data;
  const base = row ?? unpromised(d.caseId, d.followUpId);
  // The first completion in business order stands (the domain refuses a second one anyway).
  if (base.completedAt !== null && base.completedPosition !== null) {
    const earlier = happenedBefore(
      { at: e.occurredAt, position: e.globalPosition },
      { at: base.completedAt, position: base.completedPosition },
    );
    if (!earlier) return base;
  }
  return {
    ...base,
    completedAt: e.occurredAt,
    completedBy: d.completedBy,
    completedPosition: e.globalPosition,
  };
}

export const followUps: ReadModelTable<FollowUp, FollowUpChange> = {
  entity: FollowUp,
  handles: ['FollowUpPromised', 'FollowUpCompleted'],
  keyOf,
  evolve: (row, e) => (e.type === 'FollowUpPromised' ? promise(row, e) : complete(row, e)),
};
