/** Events of `staff-{staffId}` (SPEC §3). */
export type StaffMemberRegistered = {
  type: 'StaffMemberRegistered';
  data: { staffId: string; name: string; roles: string[]; skillLevel: number };
};

/** Only the fields that changed are present. */
export type StaffMemberChanged = {
  type: 'StaffMemberChanged';
  data: { staffId: string; roles?: string[]; skillLevel?: number; active?: boolean };
};

export type StaffEvent = StaffMemberRegistered | StaffMemberChanged;
