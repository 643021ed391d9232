import fc from 'fast-check';
import type { Actor } from '../shared/actor.js';
import { isDomainError, isErrorCode, type DomainError } from '../shared/domain-error.js';
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
} from '../testing/case-fixtures.js';
import { aCorrespondent, aSorter, aSupervisor, anIntakeClerk } from '../testing/staff-fixtures.js';
import type { CaseCommand } from './case.commands.js';
import { caseDecider } from './case.decider.js';
import type { CaseEvent } from './case.events.js';
import { pendingFollowUps, type CaseState } from './case.state.js';

/**
 * Random command sequences on one case, by a mix of actors. Each command is decided, its events are
 * folded back with `evolve`, and the folded state must keep the case's invariants and make `decide`
 * consistent with what just happened.
 */
const people = {
  'C-1': aCorrespondent('C-1'),
  'C-2': aCorrespondent('C-2').withSkill(5),
};
const actors: Record<string, Actor> = {
  'C-1': people['C-1'].actor(),
  'C-2': people['C-2'].actor(),
  'SUP-1': aSupervisor('SUP-1').actor(),
  'IN-1': anIntakeClerk('IN-1').actor(),
  'SORT-1': aSorter('SORT-1').actor(),
};
// Biased towards the assignee and a supervisor, so histories often get as far as resolutions and ratings.
const actorId = fc.oneof(
  { weight: 4, arbitrary: fc.constant('C-1') },
  { weight: 3, arbitrary: fc.constant('SUP-1') },
  { weight: 1, arbitrary: fc.constantFrom('C-2', 'IN-1', 'SORT-1') },
);
const assignee = fc.oneof(
  { weight: 3, arbitrary: fc.constant('C-1' as const) },
  { weight: 1, arbitrary: fc.constant('C-2' as const) },
);
const followUpId = fc.constantFrom('F-1', 'F-2', 'F-3');

type Step = { by: string; command: (by: Actor) => CaseCommand };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .record({
        by: actorId,
        complexity: fc.integer({ min: 1, max: 5 }),
        to: fc.option(assignee, { nil: undefined }),
        loads: fc.tuple(fc.nat(20), fc.nat(20)),
      })
      .map(({ by, complexity, to, loads }) => ({
        by,
        command: (actor: Actor) =>
          sortCase(
            { complexity, ...(to ? { assigneeId: to } : {}) },
            {
              by: actor,
              assignee: to ? people[to].state() : null,
              workload: [people['C-1'].withLoad(loads[0], 1), people['C-2'].withLoad(loads[1], 1)],
            },
          ),
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({ by: actorId, to: assignee }).map(({ by, to }) => ({
      by,
      command: (actor: Actor) => assignCase(to, { by: actor, assignee: people[to].state() }),
    })),
  },
  {
    weight: 3,
    arbitrary: actorId.map((by) => ({ by, command: (actor: Actor) => sendResponse({ by: actor }) })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ by: actorId, id: followUpId })
      .map(({ by, id }) => ({ by, command: (actor: Actor) => promiseFollowUp(id, { by: actor }) })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ by: actorId, id: followUpId })
      .map(({ by, id }) => ({ by, command: (actor: Actor) => completeFollowUp(id, { by: actor }) })),
  },
  {
    weight: 3,
    arbitrary: actorId.map((by) => ({ by, command: (actor: Actor) => resolveCase({ by: actor }) })),
  },
  {
    weight: 2,
    arbitrary: actorId.map((by) => ({ by, command: (actor: Actor) => reopenCase({ by: actor }) })),
  },
  {
    weight: 2,
    arbitrary: actorId.map((by) => ({
      by,
      command: (actor: Actor) => recordSatisfaction('satisfied', { by: actor }),
    })),
  },
);

const outcome = (result: CaseEvent[] | DomainError) =>
  isDomainError(result) ? { code: result.code, message: result.message, details: result.details } : result;
const fold = (state: CaseState, command: CaseCommand, events: CaseEvent[]) =>
  events.reduce((s, e) => caseDecider.evolve(s, { ...e, occurredAt: command.metadata.occurredAt }), state);
const codeOf = (result: CaseEvent[] | DomainError) =>
  isDomainError(result) ? result.code : result.map((e) => e.type).join(',');

function checkInvariants(state: CaseState): void {
  expect(state.exists).toBe(true);
  expect(state.responses).toBeGreaterThanOrEqual(state.responsesSinceReopen);
  if (state.status === 'resolved') {
    expect(pendingFollowUps(state)).toStrictEqual([]);
    expect(state.assigneeId).not.toBeNull();
    expect(state.responsesSinceReopen).toBeGreaterThan(0);
  }
  if (state.rating !== null) expect(state.status).toBe('resolved');
  expect(new Set(state.followUps.map((f) => f.followUpId)).size).toBe(state.followUps.length);
  expect(state.timesResolved - state.timesReopened).toBe(state.status === 'resolved' ? 1 : 0);
}

/** What the same command must answer once its own events are in the log. */
const AFTER_SUCCESS: Partial<Record<CaseCommand['type'], string>> = {
  ResolveCase: 'CASE_NOT_OPEN',
  ReopenCase: 'CASE_NOT_RESOLVED',
  RecordSatisfaction: 'ALREADY_RATED',
  CompleteFollowUp: 'ALREADY_COMPLETED',
  PromiseFollowUp: 'VALIDATION_FAILED',
  AssignCase: '',
};

describe('case decider properties', () => {
  it('decide is deterministic, evolve keeps the invariants, and decide agrees with what was folded', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let state = aCase().state();
        let expectedStatus: CaseState['status'] = 'open';
        for (const { by, command: make } of steps) {
          const command = make(actors[by]);
          const first = caseDecider.decide(command, state);
          expect(outcome(caseDecider.decide(command, state))).toStrictEqual(outcome(first));
          if (isDomainError(first)) {
            expect(isErrorCode(first.code)).toBe(true);
            continue;
          }
          for (const event of first) expect(event.data.caseId).toBe('case-1');
          state = fold(state, command, first);
          checkInvariants(state);
          if (command.type === 'ResolveCase') expectedStatus = 'resolved';
          if (command.type === 'ReopenCase') expectedStatus = 'open';
          expect(state.status).toBe(expectedStatus);

          const again = AFTER_SUCCESS[command.type];
          if (again !== undefined) expect(codeOf(caseDecider.decide(command, state))).toBe(again);
          if (command.type === 'SortCase')
            expect(codeOf(caseDecider.decide(command, state))).toBe('CaseSorted');
          if (command.type === 'ResolveCase') {
            expect(codeOf(caseDecider.decide(sendResponse({ by: actors['SUP-1'] }), state))).toBe(
              'CASE_NOT_OPEN',
            );
            expect(
              codeOf(caseDecider.decide(sendResponse({ by: actors[state.assigneeId as string] }), state)),
            ).toBe('CASE_NOT_OPEN');
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  const reachedBy = (steps: Step[]): CaseState => {
    let state = aCase().state();
    for (const { by, command: make } of steps) {
      const command = make(actors[by]);
      const result = caseDecider.decide(command, state);
      if (!isDomainError(result)) state = fold(state, command, result);
    }
    return state;
  };

  it('whatever the case went through, a command more than 5 minutes ahead answers OCCURRED_IN_FUTURE', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 20 }),
        step,
        fc.integer({ min: 5 * 60_000 + 1, max: 30 * 86_400_000 }),
        (steps, probe, ahead) => {
          const state = reachedBy(steps);
          const command = probe.command(actors[probe.by]);
          const future = {
            ...command,
            metadata: {
              ...command.metadata,
              occurredAt: new Date(Date.parse(command.metadata.now) + ahead).toISOString(),
            },
          };
          expect(codeOf(caseDecider.decide(future, state))).toBe('OCCURRED_IN_FUTURE');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('whatever the case went through, an inactive staff member gets STAFF_INACTIVE', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), step, (steps, probe) => {
        const state = reachedBy(steps);
        const actor = actors[probe.by];
        const inactive: Actor = {
          ...actor,
          staff: { ...(actor.staff ?? people['C-1'].state()), active: false },
        };
        expect(codeOf(caseDecider.decide(probe.command(inactive), state))).toBe('STAFF_INACTIVE');
      }),
      { numRuns: 100 },
    );
  });

  it('random histories do reach resolved, reopened and rated cases (the properties are not vacuous)', () => {
    const states = fc
      .sample(fc.array(step, { minLength: 10, maxLength: 30 }), { numRuns: 200, seed: 42 })
      .map(reachedBy);
    expect(states.filter((s) => s.timesResolved > 0).length).toBeGreaterThan(40);
    expect(states.filter((s) => s.timesReopened > 0).length).toBeGreaterThan(10);
    expect(states.filter((s) => s.rating !== null).length).toBeGreaterThan(10);
  });

  it('every command on a case that does not exist answers CASE_NOT_FOUND', () => {
    fc.assert(
      fc.property(step, ({ by, command }) => {
        expect(codeOf(caseDecider.decide(command(actors[by]), caseDecider.initialState()))).toBe(
          'CASE_NOT_FOUND',
        );
      }),
      { numRuns: 100 },
    );
  });
});
