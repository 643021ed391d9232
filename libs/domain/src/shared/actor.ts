import type { StaffMemberState } from '../staff/staff.state.js';
import { DomainError } from './domain-error.js';

/**
 * Who issues a command: the token's `sub` and `roles`, and their own staff record as the log stands
 * (null when `sub` is not registered staff, e.g. an integration or the bootstrap admin).
 */
export interface Actor {
  id: string;
  roles: string[];
  staff: StaffMemberState | null;
}

/** Authorisation uses the token's roles (SPEC §3): supervisor or admin act as supervisors. */
export const actsAsSupervisor = (roles: readonly string[]): boolean =>
  roles.includes('supervisor') || roles.includes('admin');

export const hasRole = (actor: Actor, role: string): boolean => actor.roles.includes(role);

/** A registered staff member who is not active may not issue commands (403). */
export function checkActorActive(actor: Actor): DomainError | undefined {
  if (actor.staff !== null && actor.staff.registered && !actor.staff.active) {
    return new DomainError('STAFF_INACTIVE', `Staff member ${actor.id} is not active`, { staffId: actor.id });
  }
  return undefined;
}
