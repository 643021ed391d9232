/**
 * One staff member's load as the log stands when a case is sorted, leaving the case being sorted out
 * of every figure (SPEC §3). Prepared by the application from every event already in the log.
 */
export interface WorkloadEntry {
  staffId: string;
  roles: string[];
  active: boolean;
  skillLevel: number;
  /** Sum of the latest complexity of their open cases (0 for an assigned, never-sorted case). */
  weightedLoad: number;
  openCases: number;
}

/**
 * What one open case adds to its assignee's weighted load (SPEC §6.1): its latest complexity; a case
 * never sorted weighs 0. The one definition, for auto-assignment and the rep-workload report.
 */
export const caseWeight = (complexity: number | null): number => complexity ?? 0;

/** Active correspondents skilled for the complexity: the only ones auto-assignment may pick. */
export const isQualified = (entry: WorkloadEntry, complexity: number): boolean =>
  entry.active && entry.roles.includes('correspondent') && entry.skillLevel >= complexity;

/** Negative when a should be picked before b: lowest weighted load, then fewest open cases, then smallest staffId. */
export function compareCandidates(a: WorkloadEntry, b: WorkloadEntry): number {
  if (a.weightedLoad !== b.weightedLoad) return a.weightedLoad - b.weightedLoad;
  if (a.openCases !== b.openCases) return a.openCases - b.openCases;
  // Plain code-unit comparison, so every replica and language orders staffIds alike.
  return a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0;
}

/** The staffId auto-assignment picks for a case of this complexity; null when nobody qualifies. */
export function chooseAssignee(workload: readonly WorkloadEntry[], complexity: number): string | null {
  let best: WorkloadEntry | null = null;
  for (const entry of workload) {
    if (!isQualified(entry, complexity)) continue;
    if (best === null || compareCandidates(entry, best) < 0) best = entry;
  }
  return best === null ? null : best.staffId;
}
