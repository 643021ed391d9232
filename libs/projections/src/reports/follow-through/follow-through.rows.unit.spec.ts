// Mutants the first spec let through (npm run test:mutation): who gets a row, in which order, what an
// answered case still inside its window counts for, and how ratings are counted. Figures by hand.
import type { StaffMemberAsOf } from '../staff-as-of.js';
import { caseFigures, followThrough, type ReceivedCaseAsOf } from './follow-through.js';

const asOf = '2026-09-12T00:00:00.000Z';
const member = (staffId: string): StaffMemberAsOf => ({
  staffId,
  name: staffId,
  roles: ['correspondent'],
  skillLevel: 3,
  active: true,
});
const aCase = (c: Partial<ReceivedCaseAsOf>): ReceivedCaseAsOf => ({
  receivedAt: '2026-09-10T00:00:00.000Z',
  firstResponseHours: 24,
  assigneeId: null,
  firstResponseAt: null,
  firstResolvedAt: null,
  reopened: false,
  repeatContacts: 0,
  firstRefundAt: null,
  ratings: [],
  ...c,
});

describe('follow-through rows and counts', () => {
  it('gives a row to a correspondent involved only as the assignee of a case, ordered by staffId whatever the staff order', () => {
    const report = followThrough({
      from: '2026-09-01T00:00:00.000Z',
      to: '2026-10-01T00:00:00.000Z',
      asOf,
      position: 1,
      staff: [member('C-9'), member('C-2'), member('C-5')],
      followUps: [],
      cases: [aCase({ assigneeId: 'C-9' }), aCase({ assigneeId: 'C-2' }), aCase({ assigneeId: null })],
    });
    expect(report.correspondents.map((r) => [r.staffId, r.cases.received])).toEqual([
      ['C-2', 1],
      ['C-9', 1],
    ]);
    expect(report.department.cases.received).toBe(3);
  });

  it('judges a case answered in time even while its window is still open at asOf → 100', () => {
    // Received 2 h before asOf, 24 h standard, answered after 1 h: answered, so judged (and within).
    const answered = aCase({
      receivedAt: '2026-09-11T22:00:00.000Z',
      firstResponseAt: '2026-09-11T23:00:00.000Z',
    });
    expect(caseFigures([answered], asOf).withinStandardPct).toBe(100);
  });

  it('counts each rating under its own name; unhappy = disappointed + annoyed + angry over all ratings', () => {
    const ratings = [
      'delighted',
      ...Array<'satisfied'>(2).fill('satisfied'),
      ...Array<'disappointed'>(3).fill('disappointed'),
      ...Array<'annoyed'>(4).fill('annoyed'),
      ...Array<'angry'>(5).fill('angry'),
    ] as ReceivedCaseAsOf['ratings'];
    // 3 + 4 + 5 = 12 unhappy of 15 ratings = 80 %.
    expect(caseFigures([aCase({ ratings })], asOf).satisfaction).toEqual({
      delighted: 1,
      satisfied: 2,
      disappointed: 3,
      annoyed: 4,
      angry: 5,
      unhappyPct: 80,
    });
  });
});
