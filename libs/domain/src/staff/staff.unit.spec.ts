import { MINUTE, NOW, plusMs, SECOND, metadataFor, type When } from '../testing/clock.js';
import { DeciderSpecification, stateOf } from '../testing/decider-specification.js';
import { aCorrespondent, aSupervisor, anAdmin } from '../testing/staff-fixtures.js';
import type { Actor } from '../shared/actor.js';
import type { ChangeStaffMember, RegisterStaffMember } from './staff.commands.js';
import { staffDecider } from './staff.decider.js';
import { initialStaffState, isActiveCorrespondent } from './staff.state.js';

const spec = DeciderSpecification.for(staffDecider);
const supervisor = aSupervisor('SUP-1').actor();
const register = (
  data: Partial<RegisterStaffMember['data']> = {},
  by: Actor = supervisor,
  when: When = {},
): RegisterStaffMember => ({
  type: 'RegisterStaffMember',
  data: { staffId: 'C-1', name: 'Carla Diaz', roles: ['correspondent'], skillLevel: 3, ...data },
  metadata: metadataFor(by, when),
});
const change = (
  data: Omit<ChangeStaffMember['data'], 'staffId'>,
  by: Actor = supervisor,
  when: When = {},
): ChangeStaffMember => ({
  type: 'ChangeStaffMember',
  data: { staffId: 'C-1', ...data },
  metadata: metadataFor(by, when),
});
const registered = aCorrespondent('C-1').named('Carla Diaz').history();

describe('RegisterStaffMember', () => {
  it('registers a new staff member', () =>
    spec
      .given([])
      .when(register())
      .then({
        type: 'StaffMemberRegistered',
        data: { staffId: 'C-1', name: 'Carla Diaz', roles: ['correspondent'], skillLevel: 3 },
      }));

  it('a registered staff member is active', () =>
    spec
      .given([])
      .when(register())
      .thenState({
        staffId: 'C-1',
        name: 'Carla Diaz',
        roles: ['correspondent'],
        skillLevel: 3,
        active: true,
        registered: true,
      }));

  it('the bootstrap admin (no staff record) may register', () =>
    spec
      .given([])
      .when(register({ staffId: 'SUP-1', roles: ['supervisor'], skillLevel: 5, name: 'Sam' }, anAdmin()))
      .then({
        type: 'StaffMemberRegistered',
        data: { staffId: 'SUP-1', name: 'Sam', roles: ['supervisor'], skillLevel: 5 },
      }));

  it('an existing staffId: STAFF_EXISTS', () =>
    spec.given(registered).when(register()).thenFails('STAFF_EXISTS', { staffId: 'C-1' }));

  it('an existing but deactivated staffId: STAFF_EXISTS', () =>
    spec.given(aCorrespondent('C-1').inactive().history()).when(register()).thenFails('STAFF_EXISTS'));

  it('an inactive supervisor: STAFF_INACTIVE, before STAFF_EXISTS', () =>
    spec.given(registered).when(register({}, aSupervisor().inactive().actor())).thenFails('STAFF_INACTIVE'));

  it('occurredAt 5m01s ahead: OCCURRED_IN_FUTURE', () =>
    spec
      .given([])
      .when(register({}, supervisor, { occurredAt: plusMs(NOW, 5 * MINUTE + SECOND) }))
      .thenFails('OCCURRED_IN_FUTURE'));

  it('occurredAt exactly 5m ahead is accepted', () =>
    spec
      .given([])
      .when(register({}, supervisor, { occurredAt: plusMs(NOW, 5 * MINUTE) }))
      .then({
        type: 'StaffMemberRegistered',
        data: { staffId: 'C-1', name: 'Carla Diaz', roles: ['correspondent'], skillLevel: 3 },
      }));

  it.each([
    ['skill 0', { skillLevel: 0 }, [{ path: 'skillLevel', message: 'A whole number from 1 to 5' }]],
    ['skill 6', { skillLevel: 6 }, [{ path: 'skillLevel', message: 'A whole number from 1 to 5' }]],
    ['no roles', { roles: [] }, [{ path: 'roles', message: 'At least one role' }]],
  ])('%s: VALIDATION_FAILED', (_, data, details) =>
    spec.given([]).when(register(data)).thenFails('VALIDATION_FAILED', details),
  );
});

describe('ChangeStaffMember', () => {
  it('records only the fields given', () =>
    spec
      .given(registered)
      .when(change({ skillLevel: 4 }))
      .then({ type: 'StaffMemberChanged', data: { staffId: 'C-1', skillLevel: 4 } }));

  it('deactivates', () =>
    spec
      .given(registered)
      .when(change({ active: false }))
      .thenState({ active: false, registered: true, roles: ['correspondent'], skillLevel: 3 }));

  it('reactivates', () =>
    spec
      .given(aCorrespondent('C-1').inactive().history())
      .when(change({ active: true }))
      .then({ type: 'StaffMemberChanged', data: { staffId: 'C-1', active: true } }));

  it('changes roles and skill together', () =>
    spec
      .given(registered)
      .when(change({ roles: ['correspondent', 'sorter'], skillLevel: 5, active: true }))
      .then({
        type: 'StaffMemberChanged',
        data: { staffId: 'C-1', roles: ['correspondent', 'sorter'], skillLevel: 5, active: true },
      }));

  it('an unknown staffId: STAFF_NOT_FOUND', () =>
    spec
      .given([])
      .when(change({ active: false }))
      .thenFails('STAFF_NOT_FOUND', { staffId: 'C-1' }));

  it('an inactive supervisor: STAFF_INACTIVE, before STAFF_NOT_FOUND', () =>
    spec
      .given([])
      .when(change({ active: false }, aSupervisor().inactive().actor()))
      .thenFails('STAFF_INACTIVE'));

  it('occurredAt 5m01s ahead: OCCURRED_IN_FUTURE, before STAFF_INACTIVE', () =>
    spec
      .given(registered)
      .when(
        change({ active: false }, aSupervisor().inactive().actor(), {
          occurredAt: plusMs(NOW, 5 * MINUTE + SECOND),
        }),
      )
      .thenFails('OCCURRED_IN_FUTURE'));

  it.each([
    ['nothing to change', {}, [{ path: 'roles', message: 'Give at least one of roles, skillLevel, active' }]],
    ['skill 9', { skillLevel: 9 }, [{ path: 'skillLevel', message: 'A whole number from 1 to 5' }]],
    ['empty roles', { roles: [] }, [{ path: 'roles', message: 'At least one role' }]],
  ])('%s: VALIDATION_FAILED', (_, data, details) =>
    spec.given(registered).when(change(data)).thenFails('VALIDATION_FAILED', details),
  );
});

describe('staff state', () => {
  it('an unknown staffId is not registered and not active', () => {
    expect(initialStaffState()).toStrictEqual({
      staffId: '',
      name: '',
      roles: [],
      skillLevel: 0,
      active: false,
      registered: false,
    });
  });

  it('a change that does not name activity keeps the member active (mutation testing found it unpinned)', () => {
    const state = stateOf(staffDecider, [
      ...registered,
      { type: 'StaffMemberChanged', data: { staffId: 'C-1', skillLevel: 5 } },
    ]);
    expect(state.active).toBe(true);
    expect(Object.keys(state).sort()).toEqual([
      'active',
      'name',
      'registered',
      'roles',
      'skillLevel',
      'staffId',
    ]);
  });

  it('keeps the latest roles, skill and activity', () => {
    const state = stateOf(staffDecider, [
      ...registered,
      { type: 'StaffMemberChanged', data: { staffId: 'C-1', skillLevel: 5 } },
      { type: 'StaffMemberChanged', data: { staffId: 'C-1', roles: ['sorter'] } },
      { type: 'StaffMemberChanged', data: { staffId: 'C-1', active: false } },
    ]);
    expect(state).toStrictEqual({
      staffId: 'C-1',
      name: 'Carla Diaz',
      roles: ['sorter'],
      skillLevel: 5,
      active: false,
      registered: true,
    });
  });

  it.each([
    ['an active correspondent', aCorrespondent().state(), true],
    ['a correspondent who is also a sorter', aCorrespondent().alsoAs('sorter').state(), true],
    ['an inactive correspondent', aCorrespondent().inactive().state(), false],
    ['an unregistered one', aCorrespondent().unregistered().state(), false],
    ['a supervisor', aSupervisor().state(), false],
    ['nobody', null, false],
  ])('isActiveCorrespondent: %s → %s', (_, staff, expected) => {
    expect(isActiveCorrespondent(staff)).toBe(expected);
  });
});
