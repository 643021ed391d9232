import type { Timed } from '../shared/decider.js';
import { assertNever } from '../shared/decider.js';
import type { StaffEvent } from './staff.events.js';

/** A staff member's record as the log stands; `registered: false` for an unknown staffId. */
export interface StaffMemberState {
  staffId: string;
  name: string;
  roles: string[];
  skillLevel: number;
  active: boolean;
  registered: boolean;
}

export const initialStaffState = (): StaffMemberState => ({
  staffId: '',
  name: '',
  roles: [],
  skillLevel: 0,
  active: false,
  registered: false,
});

export function evolveStaff(state: StaffMemberState, event: Timed<StaffEvent>): StaffMemberState {
  switch (event.type) {
    case 'StaffMemberRegistered': {
      const { staffId, name, roles, skillLevel } = event.data;
      return { staffId, name, roles: [...roles], skillLevel, active: true, registered: true };
    }
    case 'StaffMemberChanged': {
      const { staffId, roles, skillLevel, active } = event.data;
      return {
        ...state,
        staffId,
        ...(roles !== undefined ? { roles: [...roles] } : {}),
        ...(skillLevel !== undefined ? { skillLevel } : {}),
        ...(active !== undefined ? { active } : {}),
      };
    }
    default:
      return assertNever(event);
  }
}

/** Rules about correspondents use the staff records (SPEC §3), not the token. */
export const isActiveCorrespondent = (
  staff: StaffMemberState | null | undefined,
): staff is StaffMemberState =>
  staff != null && staff.registered && staff.active && staff.roles.includes('correspondent');
