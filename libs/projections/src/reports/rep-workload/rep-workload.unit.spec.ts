import type { StaffMemberAsOf } from '../staff-as-of.js';
import { repWorkload, type OpenCaseAsOf } from './rep-workload.js';

const member = (staffId: string, roles: string[], active = true, skillLevel = 3): StaffMemberAsOf => ({
  staffId,
  name: `Name ${staffId}`,
  roles,
  skillLevel,
  active,
});
const open = (
  caseId: string,
  receivedAt: string,
  assigneeId: string | null,
  complexity: number | null,
  priority: OpenCaseAsOf['priority'],
): OpenCaseAsOf => ({
  caseId,
  receivedAt,
  assigneeId,
  complexity,
  priority,
});
const asOf = '2026-09-10T12:00:00.000Z';

describe('rep workload (SPEC §6.1)', () => {
  const staff = [
    member('C-2', ['correspondent'], true, 5),
    member('C-1', ['correspondent', 'sorter']),
    member('C-3', ['correspondent'], false),
    member('S-1', ['supervisor']),
  ];
  const cases = [
    open('K-1', '2026-09-10T00:00:00.000Z', 'C-1', 3, 'high'),
    open('K-2', '2026-09-09T12:00:00.000Z', 'C-1', null, null),
    open('K-3', '2026-09-10T06:00:00.000Z', 'C-2', 5, 'urgent'),
    open('K-4', '2026-09-08T00:00:00.000Z', 'C-3', 2, 'low'),
    open('K-5', '2026-09-10T10:00:00.000Z', null, null, null),
  ];
  const report = repWorkload({ asOf, position: 42, staff, openCases: cases });

  it('has a row per active correspondent, ordered by staffId, with load weighed by complexity', () => {
    expect(report.correspondents).toEqual([
      {
        staffId: 'C-1',
        name: 'Name C-1',
        skillLevel: 3,
        openCases: 2,
        weightedLoad: 3,
        oldestOpenAgeHours: 24,
        byPriority: { low: 0, normal: 0, high: 1, urgent: 0 },
      },
      {
        staffId: 'C-2',
        name: 'Name C-2',
        skillLevel: 5,
        openCases: 1,
        weightedLoad: 5,
        oldestOpenAgeHours: 6,
        byPriority: { low: 0, normal: 0, high: 0, urgent: 1 },
      },
    ]);
  });

  it("counts every open case in the department's figures, the inactive correspondent's too", () => {
    expect(report).toMatchObject({ asOf, position: 42 });
    expect(report.department).toEqual({
      openCases: 5,
      unassigned: 1,
      unsorted: 2,
      meanWeightedLoad: 4,
      maxWeightedLoad: 5,
      imbalance: 1.25,
    });
  });

  it('computes the imbalance exactly before rounding (1.71, not 4 ÷ 2.33 = 1.72)', () => {
    const three = [
      member('A', ['correspondent']),
      member('B', ['correspondent']),
      member('C', ['correspondent']),
    ];
    const loads = [
      open('1', asOf, 'A', 1, 'low'),
      open('2', asOf, 'B', 2, 'low'),
      open('3', asOf, 'C', 4, 'low'),
    ];
    expect(repWorkload({ asOf, position: 1, staff: three, openCases: loads }).department).toMatchObject({
      meanWeightedLoad: 2.33,
      maxWeightedLoad: 4,
      imbalance: 1.71,
    });
  });

  it('answers imbalance 0 when nobody has load, and null figures without any correspondent', () => {
    expect(
      repWorkload({ asOf, position: 1, staff: [member('A', ['correspondent'])], openCases: [] }).department,
    ).toEqual({
      openCases: 0,
      unassigned: 0,
      unsorted: 0,
      meanWeightedLoad: 0,
      maxWeightedLoad: 0,
      imbalance: 0,
    });
    expect(repWorkload({ asOf, position: 1, staff: [], openCases: [] }).department).toMatchObject({
      meanWeightedLoad: null,
      maxWeightedLoad: null,
      imbalance: null,
    });
  });

  it('gives a correspondent without open cases zeros and a null age', () => {
    const row = repWorkload({ asOf, position: 1, staff: [member('A', ['correspondent'])], openCases: [] })
      .correspondents[0];
    expect(row).toEqual({
      staffId: 'A',
      name: 'Name A',
      skillLevel: 3,
      openCases: 0,
      weightedLoad: 0,
      oldestOpenAgeHours: null,
      byPriority: { low: 0, normal: 0, high: 0, urgent: 0 },
    });
  });

  it('measures the age in hours to 2 decimals (20 minutes → 0.33)', () => {
    const row = repWorkload({
      asOf,
      position: 1,
      staff: [member('A', ['correspondent'])],
      openCases: [open('1', '2026-09-10T11:40:00.000Z', 'A', 1, 'normal')],
    });
    expect(row.correspondents[0].oldestOpenAgeHours).toBe(0.33);
  });
});
