import { caseWeight } from '#domain';
import { hoursFromMs, ratio } from '../report-math.js';
import { byId, isCorrespondent, type StaffMemberAsOf } from '../staff-as-of.js';

type Priority = 'low' | 'normal' | 'high' | 'urgent';

/** A case open at asOf, with its latest assignee, complexity and priority as of then. */
export interface OpenCaseAsOf {
  caseId: string;
  receivedAt: string;
  assigneeId: string | null;
  /** null when never sorted (as of asOf). */
  complexity: number | null;
  priority: Priority | null;
}

export interface CorrespondentWorkload {
  staffId: string;
  name: string;
  skillLevel: number;
  openCases: number;
  weightedLoad: number;
  oldestOpenAgeHours: number | null;
  byPriority: Record<Priority, number>;
}

export interface RepWorkloadReport {
  asOf: string;
  position: number;
  department: {
    openCases: number;
    unassigned: number;
    unsorted: number;
    meanWeightedLoad: number | null;
    maxWeightedLoad: number | null;
    imbalance: number | null;
  };
  correspondents: CorrespondentWorkload[];
}

function workloadOf(member: StaffMemberAsOf, cases: OpenCaseAsOf[], asOfMs: number): CorrespondentWorkload {
  const byPriority: Record<Priority, number> = { low: 0, normal: 0, high: 0, urgent: 0 };
  for (const c of cases) if (c.priority !== null) byPriority[c.priority]++;
  const oldest = Math.min(...cases.map((c) => Date.parse(c.receivedAt)));
  return {
    staffId: member.staffId,
    name: member.name,
    skillLevel: member.skillLevel,
    openCases: cases.length,
    weightedLoad: cases.reduce((sum, c) => sum + caseWeight(c.complexity), 0),
    oldestOpenAgeHours: cases.length === 0 ? null : hoursFromMs(asOfMs - oldest),
    byPriority,
  };
}

/** SPEC §6.1, from the open cases and the staff as of `asOf`. */
export function repWorkload(input: {
  asOf: string;
  position: number;
  staff: StaffMemberAsOf[];
  openCases: OpenCaseAsOf[];
}): RepWorkloadReport {
  const asOfMs = Date.parse(input.asOf);
  const casesOf = new Map<string, OpenCaseAsOf[]>();
  for (const c of input.openCases)
    if (c.assigneeId !== null) casesOf.set(c.assigneeId, [...(casesOf.get(c.assigneeId) ?? []), c]);
  // Inactive correspondents keep their cases (still open in the department's figures) but get no row.
  const correspondents = input.staff
    .filter((m) => m.active && isCorrespondent(m))
    .sort((a, b) => byId(a.staffId, b.staffId))
    .map((m) => workloadOf(m, casesOf.get(m.staffId) ?? [], asOfMs));
  const loads = correspondents.map((c) => c.weightedLoad);
  const total = loads.reduce((a, b) => a + b, 0);
  const n = loads.length;
  const max = n === 0 ? null : Math.max(...loads);
  return {
    asOf: input.asOf,
    position: input.position,
    department: {
      openCases: input.openCases.length,
      unassigned: input.openCases.filter((c) => c.assigneeId === null).length,
      unsorted: input.openCases.filter((c) => c.complexity === null).length,
      meanWeightedLoad: ratio(total, n),
      maxWeightedLoad: max,
      // max ÷ (Σ ÷ n) is max·n ÷ Σ exactly; 0 when the mean is 0, null with no correspondent at all.
      imbalance: max === null ? null : total === 0 ? 0 : ratio(max * n, total),
    },
    correspondents,
  };
}
