import { checkActorActive } from '../shared/actor.js';
import type { Decider } from '../shared/decider.js';
import { assertNever } from '../shared/decider.js';
import { checkIssues, DomainError } from '../shared/domain-error.js';
import { checkOccurredAt } from '../shared/time.js';
import { isLevel, issueUnless } from '../shared/validation.js';
import type { ChangeStaffMember, RegisterStaffMember, StaffCommand } from './staff.commands.js';
import type { StaffEvent, StaffMemberChanged, StaffMemberRegistered } from './staff.events.js';
import { evolveStaff, initialStaffState, type StaffMemberState } from './staff.state.js';

export function registerStaffMember(
  command: RegisterStaffMember,
  state: StaffMemberState,
): StaffMemberRegistered[] | DomainError {
  const { data, metadata } = command;
  const error =
    checkIssues([
      ...issueUnless(data.roles.length > 0, 'roles', 'At least one role'),
      ...issueUnless(isLevel(data.skillLevel), 'skillLevel', 'A whole number from 1 to 5'),
    ]) ??
    checkOccurredAt(metadata.occurredAt, metadata.now) ??
    checkActorActive(metadata.actor);
  if (error) return error;
  if (state.registered) {
    return new DomainError('STAFF_EXISTS', `Staff member ${data.staffId} is already registered`, {
      staffId: data.staffId,
    });
  }
  const { staffId, name, roles, skillLevel } = data;
  return [{ type: 'StaffMemberRegistered', data: { staffId, name, roles: [...roles], skillLevel } }];
}

export function changeStaffMember(
  command: ChangeStaffMember,
  state: StaffMemberState,
): StaffMemberChanged[] | DomainError {
  const { data, metadata } = command;
  const { staffId, roles, skillLevel, active } = data;
  const error =
    checkIssues([
      ...issueUnless(
        roles !== undefined || skillLevel !== undefined || active !== undefined,
        'roles',
        'Give at least one of roles, skillLevel, active',
      ),
      ...issueUnless(roles === undefined || roles.length > 0, 'roles', 'At least one role'),
      ...issueUnless(
        skillLevel === undefined || isLevel(skillLevel),
        'skillLevel',
        'A whole number from 1 to 5',
      ),
    ]) ??
    checkOccurredAt(metadata.occurredAt, metadata.now) ??
    checkActorActive(metadata.actor);
  if (error) return error;
  if (!state.registered) {
    return new DomainError('STAFF_NOT_FOUND', `Staff member ${staffId} is not registered`, { staffId });
  }
  return [
    {
      type: 'StaffMemberChanged',
      data: {
        staffId,
        ...(roles !== undefined ? { roles: [...roles] } : {}),
        ...(skillLevel !== undefined ? { skillLevel } : {}),
        ...(active !== undefined ? { active } : {}),
      },
    },
  ];
}

export function decideStaff(command: StaffCommand, state: StaffMemberState): StaffEvent[] | DomainError {
  switch (command.type) {
    case 'RegisterStaffMember':
      return registerStaffMember(command, state);
    case 'ChangeStaffMember':
      return changeStaffMember(command, state);
    default:
      return assertNever(command);
  }
}

export const staffDecider: Decider<StaffCommand, StaffEvent, StaffMemberState> = {
  decide: decideStaff,
  evolve: evolveStaff,
  initialState: initialStaffState,
};
