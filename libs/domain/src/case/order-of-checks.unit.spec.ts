import type { Actor } from '../shared/actor.js';
import { isDomainError } from '../shared/domain-error.js';
import { MINUTE, NOW, plusMs, SECOND, type When } from '../testing/clock.js';
import {
  aCase,
  assignCase,
  completeFollowUp,
  promiseFollowUp,
  recordSatisfaction,
  reopenCase,
  resolveCase,
  sendResponse,
  sortCase,
  type CaseHistory,
} from '../testing/case-fixtures.js';
import { DeciderSpecification, stateOf } from '../testing/decider-specification.js';
import {
  aCorrespondent,
  aSorter,
  aSupervisor,
  anIntakeClerk,
  anIntegration,
} from '../testing/staff-fixtures.js';
import type { CaseCommand } from './case.commands.js';
import { caseDecider } from './case.decider.js';

/**
 * SPEC §3 "Order of checks": OCCURRED_IN_FUTURE, CASE_NOT_FOUND, STAFF_INACTIVE, NOT_ASSIGNEE,
 * CASE_NOT_ASSIGNED, CASE_NOT_OPEN, then the command's own rules. Every case command is driven
 * through the same situations, each failing several checks at once.
 */
const spec = DeciderSpecification.for(caseDecider);
const c1 = aCorrespondent('C-1');
const assigned = aCase().sortedTo('C-1');
const resolved = assigned.responded().resolved();

interface Scenario {
  /** A history on which the command succeeds for a supervisor. */
  valid: CaseHistory;
  command: (by: Actor, when?: When) => CaseCommand;
}

const scenarios: Record<CaseCommand['type'], Scenario> = {
  SortCase: {
    valid: aCase(),
    command: (by, when) => sortCase({ assigneeId: 'C-1' }, { by, assignee: c1.state(), ...when }),
  },
  AssignCase: {
    valid: aCase(),
    command: (by, when) => assignCase('C-1', { by, assignee: c1.state(), ...when }),
  },
  SendResponse: { valid: assigned, command: (by, when) => sendResponse({ by, ...when }) },
  PromiseFollowUp: { valid: assigned, command: (by, when) => promiseFollowUp('F-1', { by, ...when }) },
  CompleteFollowUp: {
    valid: assigned.promised('F-1'),
    command: (by, when) => completeFollowUp('F-1', { by, ...when }),
  },
  ResolveCase: { valid: assigned.responded(), command: (by, when) => resolveCase({ by, ...when }) },
  ReopenCase: { valid: resolved, command: (by, when) => reopenCase({ by, ...when }) },
  RecordSatisfaction: {
    valid: resolved,
    command: (by, when) => recordSatisfaction('satisfied', { by, ...when }),
  },
};
const ALL = Object.keys(scenarios) as Array<CaseCommand['type']>;
const ACCOUNTABLE = [
  'SendResponse',
  'PromiseFollowUp',
  'CompleteFollowUp',
  'ResolveCase',
  'ReopenCase',
  'RecordSatisfaction',
] as const;
const NEED_ASSIGNED = ['SendResponse', 'PromiseFollowUp', 'ResolveCase'] as const;
const NEED_OPEN = ['SendResponse', 'PromiseFollowUp', 'ResolveCase', 'SortCase', 'AssignCase'] as const;

const supervisor = aSupervisor('SUP-1').actor();
const inactiveStranger = aCorrespondent('C-9').inactive().actor();
const inactiveSupervisor = aSupervisor('SUP-2').inactive().actor();
const stranger = aCorrespondent('C-9').actor();

describe.each(ALL)('%s', (type) => {
  const { valid, command } = scenarios[type];

  it('succeeds for a supervisor in its valid situation', () => {
    const result = caseDecider.decide(command(supervisor), valid.state());
    expect(isDomainError(result) ? result.code : 'ok').toBe('ok');
  });

  it.each([
    ['4m59s ahead', 4 * MINUTE + 59 * SECOND],
    ['exactly 5m ahead', 5 * MINUTE],
    ['back-dated by a month', -30 * 24 * 60 * MINUTE],
  ])('accepts occurredAt %s', (_, offset) => {
    const result = caseDecider.decide(
      command(supervisor, { occurredAt: plusMs(NOW, offset) }),
      valid.state(),
    );
    expect(isDomainError(result) ? result.code : 'ok').toBe('ok');
  });

  it('refuses occurredAt 5m01s ahead with OCCURRED_IN_FUTURE', () =>
    spec
      .given(valid.events())
      .when(command(supervisor, { occurredAt: plusMs(NOW, 5 * MINUTE + SECOND) }))
      .thenFails('OCCURRED_IN_FUTURE'));

  it('OCCURRED_IN_FUTURE comes before CASE_NOT_FOUND and STAFF_INACTIVE', () =>
    spec
      .given([])
      .when(command(inactiveStranger, { occurredAt: plusMs(NOW, 6 * MINUTE) }))
      .thenFails('OCCURRED_IN_FUTURE'));

  it('CASE_NOT_FOUND comes before STAFF_INACTIVE', () =>
    spec.given([]).when(command(inactiveStranger)).thenFails('CASE_NOT_FOUND'));

  it('STAFF_INACTIVE comes before NOT_ASSIGNEE and CASE_NOT_OPEN', () =>
    spec.given(resolved.events()).when(command(inactiveStranger)).thenFails('STAFF_INACTIVE'));

  it('STAFF_INACTIVE binds supervisors too', () =>
    spec.given(valid.events()).when(command(inactiveSupervisor)).thenFails('STAFF_INACTIVE'));

  it('STAFF_INACTIVE binds the assignee once deactivated', () =>
    spec.given(valid.events()).when(command(c1.inactive().actor())).thenFails('STAFF_INACTIVE'));
});

describe('accountability (NOT_ASSIGNEE)', () => {
  it.each(ACCOUNTABLE)('%s: another correspondent on the assigned case → NOT_ASSIGNEE', (type) => {
    const { valid, command } = scenarios[type];
    spec.given(valid.events()).when(command(stranger)).thenFails('NOT_ASSIGNEE');
  });

  it.each(ACCOUNTABLE)('%s: the assignee is accepted', (type) => {
    const { valid, command } = scenarios[type];
    const result = caseDecider.decide(command(c1.actor()), valid.state());
    expect(isDomainError(result) ? result.code : 'ok').toBe('ok');
  });

  it.each(['SortCase', 'AssignCase'] as const)('%s: never checked (a sorter acts on any case)', (type) => {
    const { command } = scenarios[type];
    const result = caseDecider.decide(command(aSorter().actor()), assigned.state());
    expect(isDomainError(result) ? result.code : 'ok').toBe('ok');
  });

  const intake = anIntakeClerk().actor();
  const integration = anIntegration();
  it.each([
    ['ReopenCase', 'intake', intake, 'ok'],
    ['ReopenCase', 'integration', integration, 'NOT_ASSIGNEE'],
    ['RecordSatisfaction', 'intake', intake, 'ok'],
    ['RecordSatisfaction', 'integration', integration, 'ok'],
    ['SendResponse', 'intake', intake, 'NOT_ASSIGNEE'],
    ['ResolveCase', 'integration', integration, 'NOT_ASSIGNEE'],
    ['CompleteFollowUp', 'intake', intake, 'NOT_ASSIGNEE'],
  ] as const)('%s by %s → %s', (type, _, actor, expected) => {
    const { valid, command } = scenarios[type];
    const result = caseDecider.decide(command(actor), valid.state());
    expect(isDomainError(result) ? result.code : 'ok').toBe(expected);
  });
});

describe('a correspondent on an unassigned open case gets NOT_ASSIGNEE; a supervisor gets CASE_NOT_ASSIGNED', () => {
  const unassigned = aCase().sorted();

  it.each(NEED_ASSIGNED)('%s', (type) => {
    const { command } = scenarios[type];
    spec.given(unassigned.events()).when(command(c1.actor())).thenFails('NOT_ASSIGNEE');
    spec.given(unassigned.events()).when(command(supervisor)).thenFails('CASE_NOT_ASSIGNED');
  });
});

describe('CASE_NOT_ASSIGNED applies to exactly the commands the spec names', () => {
  const unassigned = aCase().sorted();

  it('CompleteFollowUp on an unassigned case (supervisor) is judged by its own rules', () =>
    spec
      .given(unassigned.events())
      .when(scenarios.CompleteFollowUp.command(supervisor))
      .thenFails('FOLLOW_UP_NOT_FOUND'));

  it.each(['ReopenCase', 'RecordSatisfaction'] as const)(
    '%s on an unassigned open case (supervisor) → CASE_NOT_RESOLVED',
    (type) =>
      spec
        .given(unassigned.events())
        .when(scenarios[type].command(supervisor))
        .thenFails('CASE_NOT_RESOLVED'),
  );
});

describe('CASE_NOT_ASSIGNED comes before CASE_NOT_OPEN', () => {
  // A resolved case is always assigned (resolving needs it), so this takes a history no command produces.
  const resolvedUnassigned = aCase().responded('SUP-1').resolved('SUP-1');

  it.each(NEED_ASSIGNED)('%s', (type) =>
    spec
      .given(resolvedUnassigned.events())
      .when(scenarios[type].command(supervisor))
      .thenFails('CASE_NOT_ASSIGNED'),
  );
});

describe('NOT_ASSIGNEE comes before CASE_NOT_OPEN', () => {
  it.each(['SendResponse', 'PromiseFollowUp', 'ResolveCase'] as const)(
    '%s on a resolved case by another correspondent',
    (type) => spec.given(resolved.events()).when(scenarios[type].command(stranger)).thenFails('NOT_ASSIGNEE'),
  );
});

describe('CASE_NOT_OPEN applies to exactly the commands the spec names', () => {
  it.each(NEED_OPEN)('%s on a resolved case (supervisor) → CASE_NOT_OPEN', (type) =>
    spec.given(resolved.events()).when(scenarios[type].command(supervisor)).thenFails('CASE_NOT_OPEN'),
  );

  it('CompleteFollowUp on a resolved case is judged by its own rules', () =>
    spec
      .given(resolved.events())
      .when(scenarios.CompleteFollowUp.command(supervisor))
      .thenFails('FOLLOW_UP_NOT_FOUND'));

  it.each(['ReopenCase', 'RecordSatisfaction'] as const)(
    '%s on an open case → CASE_NOT_RESOLVED (its own rule)',
    (type) =>
      spec.given(assigned.events()).when(scenarios[type].command(supervisor)).thenFails('CASE_NOT_RESOLVED'),
  );
});

describe('the state the checks read', () => {
  it('an unknown case is not open, not assigned and does not exist', () => {
    const state = stateOf(caseDecider, []);
    expect(state.exists).toBe(false);
    expect(state.assigneeId).toBeNull();
  });
});
