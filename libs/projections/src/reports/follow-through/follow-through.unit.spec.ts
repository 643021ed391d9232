import type { StaffMemberAsOf } from '../staff-as-of.js';
import { followThrough, type FollowUpAsOf, type ReceivedCaseAsOf } from './follow-through.js';

const member = (staffId: string, roles: string[], active = true): StaffMemberAsOf => ({
  staffId,
  name: staffId,
  roles,
  skillLevel: 3,
  active,
});
const day = (d: string, time = '00:00') => `2026-09-${d}T${time}:00.000Z`;
const followUp = (dueAt: string, promisedBy: string, completedAt: string | null): FollowUpAsOf => ({
  dueAt,
  promisedBy,
  completedAt,
});
const received = (
  c: Partial<ReceivedCaseAsOf> & Pick<ReceivedCaseAsOf, 'receivedAt' | 'firstResponseHours'>,
): ReceivedCaseAsOf => ({
  assigneeId: null,
  firstResponseAt: null,
  firstResolvedAt: null,
  reopened: false,
  repeatContacts: 0,
  firstRefundAt: null,
  ratings: [],
  ...c,
});

const asOf = day('12');
const report = followThrough({
  from: day('01'),
  to: day('15'),
  asOf,
  position: 77,
  staff: [
    member('C-1', ['correspondent']),
    member('C-2', ['correspondent']),
    member('C-3', ['correspondent'], false),
    member('C-4', ['correspondent'], false),
    member('S-9', ['supervisor']),
  ],
  followUps: [
    followUp(day('05', '12:00'), 'C-1', day('05', '10:00')), // on time
    followUp(day('05', '12:00'), 'C-1', day('05', '12:00')), // on time: completed exactly at dueAt
    followUp(day('06'), 'C-2', day('07')), // late
    followUp(day('10'), 'C-2', null), // overdue: due before asOf
    followUp(day('14'), 'C-2', null), // pending
    followUp(day('12'), 'S-9', null), // pending: due exactly at asOf; a supervisor's, department only
    followUp(day('03'), 'C-4', day('02')), // on time, by an inactive correspondent
  ],
  cases: [
    // c1: mail (48 h), answered after 24 h, resolved after 48 h, reopened, refund after 72 h
    received({
      receivedAt: day('01'),
      assigneeId: 'C-1',
      firstResponseHours: 48,
      firstResponseAt: day('02'),
      firstResolvedAt: day('03'),
      reopened: true,
      repeatContacts: 2,
      firstRefundAt: day('04'),
      ratings: ['delighted', 'angry'],
    }),
    // c2: phone (4 h), answered after 5 h (late), resolved after 10 h
    received({
      receivedAt: day('02'),
      assigneeId: 'C-1',
      firstResponseHours: 4,
      firstResponseAt: day('02', '05:00'),
      firstResolvedAt: day('02', '10:00'),
      ratings: ['satisfied'],
    }),
    // c3: web (24 h), unanswered, window ended on the 11th, before asOf: judged, not within
    received({ receivedAt: day('10'), assigneeId: 'C-2', firstResponseHours: 24, repeatContacts: 1 }),
    // c4: unanswered, window ends after asOf: not yet judged
    received({ receivedAt: day('11', '20:00'), assigneeId: 'C-2', firstResponseHours: 24 }),
    // c5: chat (1 h), answered after exactly 1 h: within; unassigned
    received({ receivedAt: day('05'), firstResponseHours: 1, firstResponseAt: day('05', '01:00') }),
  ],
});

const noCases = {
  received: 0,
  responded: 0,
  firstResponseMedianHours: null,
  firstResponseP90Hours: null,
  withinStandardPct: null,
  resolved: 0,
  resolutionMedianHours: null,
  reopenRatePct: null,
  repeatContacts: 0,
  refundTurnaroundMedianHours: null,
  satisfaction: { delighted: 0, satisfied: 0, disappointed: 0, annoyed: 0, angry: 0, unhappyPct: null },
};

describe('follow-through (SPEC §6.3)', () => {
  it('judges follow-ups due in the period against dueAt and asOf', () => {
    expect(report.department.followUps).toEqual({
      promised: 7,
      completedOnTime: 3,
      completedLate: 1,
      overdue: 1,
      pending: 2,
      followThroughRate: 60,
    });
  });

  it("figures the department's cases: medians by nearest rank, windows of each case's channel", () => {
    expect(report.department.cases).toEqual({
      received: 5,
      responded: 3,
      firstResponseMedianHours: 5, // of 1, 5, 24 h
      firstResponseP90Hours: 24,
      withinStandardPct: 50, // c1 and c5 of the judged c1, c2, c3, c5
      resolved: 2,
      resolutionMedianHours: 10, // lower middle of 10 and 48 h
      reopenRatePct: 50,
      repeatContacts: 3,
      refundTurnaroundMedianHours: 72,
      satisfaction: { delighted: 1, satisfied: 1, disappointed: 0, annoyed: 0, angry: 1, unhappyPct: 33.33 },
    });
  });

  it('has a row per correspondent (active or not) involved, by staffId; supervisors and the unassigned stay in the department', () => {
    expect(report.correspondents.map((c) => c.staffId)).toEqual(['C-1', 'C-2', 'C-4']);
    expect(report).toMatchObject({ from: day('01'), to: day('15'), asOf, position: 77 });
  });

  it('gives C-1 their own follow-ups and cases', () => {
    expect(report.correspondents[0]).toEqual({
      staffId: 'C-1',
      followUps: {
        promised: 2,
        completedOnTime: 2,
        completedLate: 0,
        overdue: 0,
        pending: 0,
        followThroughRate: 100,
      },
      cases: {
        received: 2,
        responded: 2,
        firstResponseMedianHours: 5,
        firstResponseP90Hours: 24,
        withinStandardPct: 50,
        resolved: 2,
        resolutionMedianHours: 10,
        reopenRatePct: 50,
        repeatContacts: 2,
        refundTurnaroundMedianHours: 72,
        satisfaction: {
          delighted: 1,
          satisfied: 1,
          disappointed: 0,
          annoyed: 0,
          angry: 1,
          unhappyPct: 33.33,
        },
      },
    });
  });

  it('gives C-2 a rate of 0 and nulls where nothing was answered, resolved or rated', () => {
    expect(report.correspondents[1]).toEqual({
      staffId: 'C-2',
      followUps: {
        promised: 3,
        completedOnTime: 0,
        completedLate: 1,
        overdue: 1,
        pending: 1,
        followThroughRate: 0,
      },
      cases: { ...noCases, received: 2, withinStandardPct: 0, repeatContacts: 1 },
    });
  });

  it('gives the inactive C-4 a row for the follow-up they promised, with no cases', () => {
    expect(report.correspondents[2]).toEqual({
      staffId: 'C-4',
      followUps: {
        promised: 1,
        completedOnTime: 1,
        completedLate: 0,
        overdue: 0,
        pending: 0,
        followThroughRate: 100,
      },
      cases: noCases,
    });
  });
});
