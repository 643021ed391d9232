import { percentage, percentileHours } from '../report-math.js';
import { byId, isCorrespondent, type StaffMemberAsOf } from '../staff-as-of.js';

type Rating = 'delighted' | 'satisfied' | 'disappointed' | 'annoyed' | 'angry';

/** A follow-up due in the period, promised by asOf; `completedAt` only when completed by asOf. */
export interface FollowUpAsOf {
  dueAt: string;
  promisedBy: string;
  completedAt: string | null;
}

/** A case received in the period (and by asOf), with what had happened to it by asOf. */
export interface ReceivedCaseAsOf {
  receivedAt: string;
  assigneeId: string | null;
  /** firstResponseHours for its channel in the standards in force when it was received. */
  firstResponseHours: number;
  firstResponseAt: string | null;
  firstResolvedAt: string | null;
  reopened: boolean;
  repeatContacts: number;
  firstRefundAt: string | null;
  ratings: string[];
}

export interface FollowUpFigures {
  promised: number;
  completedOnTime: number;
  completedLate: number;
  overdue: number;
  pending: number;
  followThroughRate: number | null;
}

export interface CaseFigures {
  received: number;
  responded: number;
  firstResponseMedianHours: number | null;
  firstResponseP90Hours: number | null;
  withinStandardPct: number | null;
  resolved: number;
  resolutionMedianHours: number | null;
  reopenRatePct: number | null;
  repeatContacts: number;
  refundTurnaroundMedianHours: number | null;
  satisfaction: Record<Rating, number> & { unhappyPct: number | null };
}

export interface FollowThroughReport {
  from: string;
  to: string;
  asOf: string;
  position: number;
  department: { followUps: FollowUpFigures; cases: CaseFigures };
  correspondents: { staffId: string; followUps: FollowUpFigures; cases: CaseFigures }[];
}

const ms = Date.parse;

export function followUpFigures(followUps: readonly FollowUpAsOf[], asOf: string): FollowUpFigures {
  let completedOnTime = 0,
    completedLate = 0,
    overdue = 0,
    pending = 0;
  for (const f of followUps) {
    if (f.completedAt !== null) {
      if (ms(f.completedAt) <= ms(f.dueAt)) completedOnTime++;
      else completedLate++;
    } else if (ms(f.dueAt) < ms(asOf)) overdue++;
    else pending++;
  }
  return {
    promised: followUps.length,
    completedOnTime,
    completedLate,
    overdue,
    pending,
    followThroughRate: percentage(completedOnTime, completedOnTime + completedLate + overdue),
  };
}

const sinceReceived = (cases: readonly ReceivedCaseAsOf[], at: (c: ReceivedCaseAsOf) => string | null) =>
  cases.flatMap((c) => {
    const t = at(c);
    return t === null ? [] : [ms(t) - ms(c.receivedAt)];
  });

export function caseFigures(cases: readonly ReceivedCaseAsOf[], asOf: string): CaseFigures {
  const firstResponses = sinceReceived(cases, (c) => c.firstResponseAt);
  const resolutions = sinceReceived(cases, (c) => c.firstResolvedAt);
  let judged = 0,
    within = 0;
  for (const c of cases) {
    const windowMs = c.firstResponseHours * 3_600_000;
    const answeredIn = c.firstResponseAt === null ? null : ms(c.firstResponseAt) - ms(c.receivedAt);
    // A case still inside its window and unanswered is not yet judged.
    if (answeredIn === null && !(ms(c.receivedAt) + windowMs < ms(asOf))) continue;
    judged++;
    if (answeredIn !== null && answeredIn <= windowMs) within++;
  }
  const ratings = cases.flatMap((c) => c.ratings);
  const count = (r: Rating) => ratings.filter((x) => x === r).length;
  const unhappy = count('disappointed') + count('annoyed') + count('angry');
  return {
    received: cases.length,
    responded: firstResponses.length,
    firstResponseMedianHours: percentileHours(firstResponses, 50),
    firstResponseP90Hours: percentileHours(firstResponses, 90),
    withinStandardPct: percentage(within, judged),
    resolved: resolutions.length,
    resolutionMedianHours: percentileHours(resolutions, 50),
    reopenRatePct: percentage(cases.filter((c) => c.reopened).length, resolutions.length),
    repeatContacts: cases.reduce((sum, c) => sum + c.repeatContacts, 0),
    refundTurnaroundMedianHours: percentileHours(
      sinceReceived(cases, (c) => c.firstRefundAt),
      50,
    ),
    satisfaction: {
      delighted: count('delighted'),
      satisfied: count('satisfied'),
      disappointed: count('disappointed'),
      annoyed: count('annoyed'),
      angry: count('angry'),
      unhappyPct: percentage(unhappy, ratings.length),
    },
  };
}

/** SPEC §6.3. Follow-ups count for whoever promised them, cases for their assignee at asOf. */
export function followThrough(input: {
  from: string;
  to: string;
  asOf: string;
  position: number;
  staff: StaffMemberAsOf[];
  followUps: FollowUpAsOf[];
  cases: ReceivedCaseAsOf[];
}): FollowThroughReport {
  const { asOf } = input;
  const involved = new Set([
    ...input.followUps.map((f) => f.promisedBy),
    ...input.cases.flatMap((c) => (c.assigneeId === null ? [] : [c.assigneeId])),
  ]);
  const correspondents = input.staff
    .filter((m) => isCorrespondent(m) && involved.has(m.staffId))
    .map((m) => m.staffId)
    .sort(byId)
    .map((staffId) => ({
      staffId,
      followUps: followUpFigures(
        input.followUps.filter((f) => f.promisedBy === staffId),
        asOf,
      ),
      cases: caseFigures(
        input.cases.filter((c) => c.assigneeId === staffId),
        asOf,
      ),
    }));
  return {
    from: input.from,
    to: input.to,
    asOf,
    position: input.position,
    department: { followUps: followUpFigures(input.followUps, asOf), cases: caseFigures(input.cases, asOf) },
    correspondents,
  };
}
