// SPEC §6.3's edges, one millisecond either side. Each expectation is worked out by hand from the
// SPEC's words (never by the code under test); each test fails if one comparison is off by one.
import { caseFigures, followUpFigures, type FollowUpAsOf, type ReceivedCaseAsOf } from './follow-through.js';

const asOf = '2026-09-12T00:00:00.000Z';
const oneMsBefore = (iso: string) => new Date(Date.parse(iso) - 1).toISOString();
const oneMsAfter = (iso: string) => new Date(Date.parse(iso) + 1).toISOString();

const unanswered = (receivedAt: string, firstResponseHours: number): ReceivedCaseAsOf => ({
  receivedAt,
  firstResponseHours,
  assigneeId: 'C-1',
  firstResponseAt: null,
  firstResolvedAt: null,
  reopened: false,
  repeatContacts: 0,
  firstRefundAt: null,
  ratings: [],
});
const answered = (
  receivedAt: string,
  firstResponseHours: number,
  firstResponseAt: string,
): ReceivedCaseAsOf => ({
  ...unanswered(receivedAt, firstResponseHours),
  firstResponseAt,
});
const followUp = (dueAt: string, completedAt: string | null): FollowUpAsOf => ({
  dueAt,
  promisedBy: 'C-1',
  completedAt,
});

describe('follow-through: the judging window of an unanswered case (received + hours < asOf)', () => {
  // Received 24 h before asOf with a 24 h standard: its window ends exactly at asOf.
  const windowEndsAtAsOf = unanswered('2026-09-11T00:00:00.000Z', 24);

  it('a window ending exactly at asOf has not ended: not yet judged, nothing to divide by → null', () => {
    expect(caseFigures([windowEndsAtAsOf], asOf).withinStandardPct).toBeNull();
  });

  it('a window ending 1 ms before asOf has ended: judged and not within → 0', () => {
    expect(
      caseFigures([unanswered(oneMsBefore('2026-09-11T00:00:00.000Z'), 24)], asOf).withinStandardPct,
    ).toBe(0);
  });

  it('beside one case answered in time, the window ending exactly at asOf does not count: 1 of 1 → 100', () => {
    const inTime = answered('2026-09-10T00:00:00.000Z', 24, '2026-09-10T01:00:00.000Z');
    expect(caseFigures([inTime, windowEndsAtAsOf], asOf).withinStandardPct).toBe(100);
  });
});

describe('follow-through: within the standard (first response − received ≤ hours)', () => {
  it('answered exactly at the end of the window is within → 100', () => {
    expect(
      caseFigures([answered('2026-09-01T00:00:00.000Z', 4, '2026-09-01T04:00:00.000Z')], asOf)
        .withinStandardPct,
    ).toBe(100);
  });

  it('answered 1 ms after the end of the window is not within → 0', () => {
    const late = answered('2026-09-01T00:00:00.000Z', 4, '2026-09-01T04:00:00.001Z');
    expect(caseFigures([late], asOf).withinStandardPct).toBe(0);
  });
});

describe('follow-through: follow-ups at their edges', () => {
  const dueAt = '2026-09-05T12:00:00.000Z';

  // One follow-up per expectation: a pair (one each side) would hide a comparison turned around.
  it('completed exactly at dueAt is on time', () => {
    expect(followUpFigures([followUp(dueAt, dueAt)], asOf)).toMatchObject({
      completedOnTime: 1,
      completedLate: 0,
      followThroughRate: 100,
    });
  });

  it('completed 1 ms after dueAt is late', () => {
    expect(followUpFigures([followUp(dueAt, oneMsAfter(dueAt))], asOf)).toMatchObject({
      completedOnTime: 0,
      completedLate: 1,
      followThroughRate: 0,
    });
  });

  it('uncompleted and due exactly at asOf is pending, not judged: no rate', () => {
    expect(followUpFigures([followUp(asOf, null)], asOf)).toEqual({
      promised: 1,
      completedOnTime: 0,
      completedLate: 0,
      overdue: 0,
      pending: 1,
      followThroughRate: null,
    });
  });

  it('uncompleted and due 1 ms before asOf is overdue', () => {
    expect(followUpFigures([followUp(oneMsBefore(asOf), null)], asOf)).toEqual({
      promised: 1,
      completedOnTime: 0,
      completedLate: 0,
      overdue: 1,
      pending: 0,
      followThroughRate: 0,
    });
  });

  it('counts overdue follow-ups against the rate: 1 on time, 1 late, 2 overdue → 25 %', () => {
    const overdue = followUp(oneMsBefore(asOf), null);
    expect(
      followUpFigures([followUp(dueAt, dueAt), followUp(dueAt, oneMsAfter(dueAt)), overdue, overdue], asOf)
        .followThroughRate,
    ).toBe(25);
  });

  it('rounds the rate half away from zero at the third decimal: 1 on time of 8 judged = 12.5 %, 1 of 6 = 16.67 %', () => {
    const late = (n: number) => Array.from({ length: n }, () => followUp(dueAt, oneMsAfter(dueAt)));
    expect(followUpFigures([followUp(dueAt, dueAt), ...late(7)], asOf).followThroughRate).toBe(12.5);
    expect(followUpFigures([followUp(dueAt, dueAt), ...late(5)], asOf).followThroughRate).toBe(16.67);
  });
});
