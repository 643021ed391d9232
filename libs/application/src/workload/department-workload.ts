import { caseWeight, type WorkloadEntry } from '#domain';
import type { EventFacts } from '#event-store';

interface CaseLoad {
  open: boolean;
  assigneeId: string | null;
  /** Latest sorted complexity; null until sorted. */
  complexity: number | null;
}

interface StaffRecord {
  staffId: string;
  roles: string[];
  active: boolean;
  skillLevel: number;
}

/** What auto-assignment compares (the domain's WorkloadEntry). */
export type WorkloadEntryView = WorkloadEntry;

const CHANGES_A_HELD_CASE = new Set(['CaseSorted', 'CaseAssigned', 'CaseResolved', 'CaseReopened']);

/**
 * The department's load per correspondent, folded from staff and case events. Kept incrementally:
 * each case contributes its complexity and one open case to its assignee while it is open.
 */
export class DepartmentWorkload {
  private readonly cases = new Map<string, CaseLoad>();
  private readonly staff = new Map<string, StaffRecord>();
  private readonly load = new Map<string, { weighted: number; open: number }>();

  apply(event: EventFacts): void {
    const data = event.data as Record<string, unknown>;
    switch (event.type) {
      case 'StaffMemberRegistered':
        this.staff.set(String(data.staffId), {
          staffId: String(data.staffId),
          roles: data.roles as string[],
          active: true,
          skillLevel: Number(data.skillLevel),
        });
        return;
      case 'StaffMemberChanged': {
        const member = this.staff.get(String(data.staffId));
        if (!member) return;
        if (data.roles !== undefined) member.roles = data.roles as string[];
        if (data.skillLevel !== undefined) member.skillLevel = Number(data.skillLevel);
        if (data.active !== undefined) member.active = Boolean(data.active);
        return;
      }
      case 'ComplaintReceived':
        return this.change(String(data.caseId), () => ({ open: true, assigneeId: null, complexity: null }));
      case 'CaseSorted':
        return this.change(String(data.caseId), (c) => ({ ...c, complexity: Number(data.complexity) }));
      case 'CaseAssigned':
        return this.change(String(data.caseId), (c) => ({ ...c, assigneeId: String(data.assigneeId) }));
      case 'CaseResolved':
        return this.change(String(data.caseId), (c) => ({ ...c, open: false }));
      case 'CaseReopened':
        return this.change(String(data.caseId), (c) => ({ ...c, open: true }));
    }
  }

  /**
   * The case a sort, assignment, resolution or reopening changes, when the workload does not hold
   * it: a case already closed when the workload was seeded. Its earlier events must be folded first.
   */
  unknownCase(event: EventFacts): string | undefined {
    if (!CHANGES_A_HELD_CASE.has(event.type)) return undefined;
    const caseId = String((event.data as { caseId?: unknown }).caseId);
    return this.cases.has(caseId) ? undefined : caseId;
  }

  /** Every registered staff member with their load, leaving `exceptCaseId` out of every load. */
  entries(exceptCaseId?: string): WorkloadEntryView[] {
    const excluded = exceptCaseId ? this.cases.get(exceptCaseId) : undefined;
    return [...this.staff.values()].map((member) => {
      const load = this.load.get(member.staffId) ?? { weighted: 0, open: 0 };
      const minus = excluded?.open && excluded.assigneeId === member.staffId;
      return {
        staffId: member.staffId,
        roles: member.roles,
        active: member.active,
        skillLevel: member.skillLevel,
        weightedLoad: load.weighted - (minus ? caseWeight(excluded.complexity) : 0),
        openCases: load.open - (minus ? 1 : 0),
      };
    });
  }

  private change(caseId: string, next: (current: CaseLoad) => CaseLoad): void {
    const before = this.cases.get(caseId) ?? { open: false, assigneeId: null, complexity: null };
    const after = next(before);
    this.contribute(before, -1);
    this.contribute(after, +1);
    this.cases.set(caseId, after);
  }

  private contribute(c: CaseLoad, sign: 1 | -1): void {
    if (!c.open || c.assigneeId === null) return;
    const load = this.load.get(c.assigneeId) ?? { weighted: 0, open: 0 };
    load.weighted += sign * caseWeight(c.complexity);
    load.open += sign;
    this.load.set(c.assigneeId, load);
  }
}
