import { recorded } from '../../../test/recorded-event.js';
import { rowsAfter } from '../../../test/fold.js';
import { followUps } from './follow-ups.table.js';

const promised = recorded(
  'FollowUpPromised',
  {
    caseId: 'K-1',
    followUpId: 'F-1',
    dueAt: '2026-09-03T17:00:00.000Z',
    description: 'Call back',
    promisedBy: 'C-2',
  },
  { occurredAt: '2026-09-01T10:00:00.000Z', position: 10 },
);
const completed = recorded(
  'FollowUpCompleted',
  { caseId: 'K-1', followUpId: 'F-1', completedBy: 'C-2', note: 'done' },
  { occurredAt: '2026-09-03T09:00:00.000Z', position: 20 },
);

const pending = {
  caseId: 'K-1',
  followUpId: 'F-1',
  dueAt: '2026-09-03T17:00:00.000Z',
  description: 'Call back',
  promisedBy: 'C-2',
  promisedAt: '2026-09-01T10:00:00.000Z',
  promisedPosition: 10,
  completedAt: null,
  completedBy: null,
  completedPosition: null,
};
const done = {
  ...pending,
  completedAt: '2026-09-03T09:00:00.000Z',
  completedBy: 'C-2',
  completedPosition: 20,
};

describe('follow-ups: promised, then completed in place', () => {
  it('FollowUpPromised opens a pending row; applied twice changes nothing', () => {
    expect(rowsAfter(followUps, [promised])).toEqual([pending]);
    expect(rowsAfter(followUps, [promised], [promised])).toEqual([pending]);
  });

  it('FollowUpCompleted records when and by whom; applied twice changes nothing', () => {
    expect(rowsAfter(followUps, [promised], [completed])).toEqual([done]);
    expect(rowsAfter(followUps, [promised, completed], [completed])).toEqual([done]);
  });

  it('a second completion later in business time does not move the first', () => {
    const later = recorded(
      'FollowUpCompleted',
      { caseId: 'K-1', followUpId: 'F-1', completedBy: 'C-3' },
      { occurredAt: '2026-09-05T09:00:00.000Z', position: 30 },
    );
    expect(rowsAfter(followUps, [promised, completed, later])).toEqual([done]);
  });

  it('a back-dated completion recorded later wins over a later one in business time', () => {
    const late = recorded(
      'FollowUpCompleted',
      { caseId: 'K-1', followUpId: 'F-1', completedBy: 'C-3' },
      { occurredAt: '2026-09-05T09:00:00.000Z', position: 15 },
    );
    expect(rowsAfter(followUps, [promised, late, completed])).toEqual([done]);
  });

  it('keeps follow-ups of the same id on different cases apart', () => {
    const other = recorded(
      'FollowUpPromised',
      { ...(promised.data as object), caseId: 'K-2' },
      { position: 11 },
    );
    expect(rowsAfter(followUps, [promised, other]).map((r) => r.caseId)).toEqual(['K-1', 'K-2']);
  });
});
