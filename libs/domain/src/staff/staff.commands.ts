import type { CommandMetadata } from '../shared/command.js';

export type RegisterStaffMember = {
  type: 'RegisterStaffMember';
  data: { staffId: string; name: string; roles: string[]; skillLevel: number };
  metadata: CommandMetadata;
};

export type ChangeStaffMember = {
  type: 'ChangeStaffMember';
  data: { staffId: string; roles?: string[]; skillLevel?: number; active?: boolean };
  metadata: CommandMetadata;
};

export type StaffCommand = RegisterStaffMember | ChangeStaffMember;
