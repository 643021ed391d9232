/** A staff member as the log stood at `asOf` (business time): SPEC "active … in reports, as of asOf (roles too)". */
export interface StaffMemberAsOf {
  staffId: string;
  name: string;
  roles: string[];
  skillLevel: number;
  active: boolean;
}

export const isCorrespondent = (member: StaffMemberAsOf) => member.roles.includes('correspondent');

/** Code-unit order, the same on every machine (SQL ORDER BY would follow the database's collation). */
export const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
