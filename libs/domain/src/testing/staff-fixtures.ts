import type { WorkloadEntry } from '../case/auto-assignment.js';
import type { Actor } from '../shared/actor.js';
import type { StaffEvent } from '../staff/staff.events.js';
import type { StaffMemberState } from '../staff/staff.state.js';

/** A staff member as the department knows them: `aCorrespondent('C-1').withSkill(3)`. */
export class StaffBuilder {
  constructor(private readonly record: StaffMemberState) {}

  get id(): string {
    return this.record.staffId;
  }

  named(name: string): StaffBuilder {
    return new StaffBuilder({ ...this.record, name });
  }

  withSkill(skillLevel: number): StaffBuilder {
    return new StaffBuilder({ ...this.record, skillLevel });
  }

  withRoles(...roles: string[]): StaffBuilder {
    return new StaffBuilder({ ...this.record, roles });
  }

  alsoAs(...roles: string[]): StaffBuilder {
    return new StaffBuilder({ ...this.record, roles: [...this.record.roles, ...roles] });
  }

  inactive(): StaffBuilder {
    return new StaffBuilder({ ...this.record, active: false });
  }

  /** Holds a token but has no staff record. */
  unregistered(): StaffBuilder {
    return new StaffBuilder({ ...this.record, registered: false });
  }

  /** The staff record as the log stands (`StaffMemberState`). */
  state(): StaffMemberState {
    return { ...this.record, roles: [...this.record.roles] };
  }

  /** The actor of a command: token roles = record roles; `staff` null when unregistered. */
  actor(): Actor {
    return {
      id: this.record.staffId,
      roles: [...this.record.roles],
      staff: this.record.registered ? this.state() : null,
    };
  }

  /** Their row in the workload snapshot auto-assignment reads. */
  withLoad(weightedLoad: number, openCases: number): WorkloadEntry {
    const { staffId, roles, active, skillLevel } = this.record;
    return { staffId, roles: [...roles], active, skillLevel, weightedLoad, openCases };
  }

  /** The events of `staff-{staffId}` that produce this record. */
  history(): StaffEvent[] {
    if (!this.record.registered) return [];
    const { staffId, name, roles, skillLevel, active } = this.record;
    const registered: StaffEvent = {
      type: 'StaffMemberRegistered',
      data: { staffId, name, roles: [...roles], skillLevel },
    };
    return active
      ? [registered]
      : [registered, { type: 'StaffMemberChanged', data: { staffId, active: false } }];
  }
}

const staff = (staffId: string, roles: string[], skillLevel: number, name: string) =>
  new StaffBuilder({ staffId, name, roles, skillLevel, active: true, registered: true });

export const aCorrespondent = (staffId = 'C-1') =>
  staff(staffId, ['correspondent'], 3, `Correspondent ${staffId}`);
export const aSupervisor = (staffId = 'SUP-1') => staff(staffId, ['supervisor'], 5, `Supervisor ${staffId}`);
export const aSorter = (staffId = 'SORT-1') => staff(staffId, ['sorter'], 5, `Sorter ${staffId}`);
export const anIntakeClerk = (staffId = 'IN-1') => staff(staffId, ['intake'], 1, `Intake ${staffId}`);
export const anAuditor = (staffId = 'AUD-1') => staff(staffId, ['auditor'], 1, `Auditor ${staffId}`);

/** Token-only actors: an admin or an upstream integration, not registered staff. */
export const anAdmin = (id = 'admin'): Actor => ({ id, roles: ['admin'], staff: null });
export const anIntegration = (id = 'orders-bridge'): Actor => ({ id, roles: ['integration'], staff: null });
