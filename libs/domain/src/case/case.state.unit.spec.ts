import { EVENT_SCHEMA_VERSIONS, EVENT_TYPES, isEventType } from '../events.js';
import { at } from '../testing/decider-specification.js';
import { aCase } from '../testing/case-fixtures.js';
import { aComplaint } from '../testing/complaint-fixtures.js';
import { GIVEN_AT } from '../testing/clock.js';
import { fold } from '../shared/decider.js';
import { caseDecider } from './case.decider.js';
import { initialCaseState, isOpen, pendingFollowUps, wasSorted, type CaseState } from './case.state.js';
import { distributorOf, nextPriority } from './case.values.js';

const stateAfter = (events: Parameters<typeof caseDecider.evolve>[1][]): CaseState =>
  fold(caseDecider, events);

describe('case state (what GET /cases/{id} shows)', () => {
  it('starts as a case that does not exist', () => {
    expect(initialCaseState()).toStrictEqual({
      exists: false,
      caseId: '',
      status: 'open',
      receivedAt: '',
      channel: '',
      complainant: null,
      distributorId: null,
      orderId: null,
      subject: '',
      category: null,
      complexity: null,
      priority: null,
      assigneeId: null,
      responses: 0,
      repeatContacts: 0,
      followUps: [],
      rating: null,
      responsesSinceReopen: 0,
      ratedThisResolution: false,
      timesResolved: 0,
      timesReopened: 0,
    });
  });

  it('a received complaint: open, received at its occurredAt, nothing sorted yet', () => {
    const complaint = aComplaint('case-7')
      .fromCustomer('CU-3', 'Ann Lee')
      .ofDistributor('D-17')
      .aboutOrder('O-5')
      .byMail()
      .about('Broken lid');
    const state = stateAfter(at('2026-09-01T08:30:00.000Z', complaint.received()));
    expect(state).toStrictEqual({
      ...initialCaseState(),
      exists: true,
      caseId: 'case-7',
      status: 'open',
      receivedAt: '2026-09-01T08:30:00.000Z',
      channel: 'mail',
      complainant: { type: 'customer', id: 'CU-3', name: 'Ann Lee' },
      distributorId: 'D-17',
      orderId: 'O-5',
      subject: 'Broken lid',
    });
  });

  it.each([
    ['its distributorId when given', aComplaint().fromCustomer('CU-3').ofDistributor('D-2'), 'D-2'],
    ['the complainant when a distributor', aComplaint().fromDistributor('D-17'), 'D-17'],
    [
      'the distributorId over a distributor complainant',
      aComplaint().fromDistributor('D-17').ofDistributor('D-9'),
      'D-9',
    ],
    ['null for a customer without distributorId', aComplaint().fromCustomer('CU-3'), null],
  ])('distributorId is %s', (_, complaint, expected) => {
    expect(stateAfter(at(GIVEN_AT, complaint.received())).distributorId).toBe(expected);
  });

  it('counts responses and repeat contacts, keeps the latest triage, priority and assignee', () => {
    const state = aCase()
      .sorted({ category: 'billing', complexity: 2, priority: 'low' })
      .assignedTo('C-1')
      .contactRepeated()
      .priorityRaised('low', 'normal')
      .responded()
      .responded()
      .sorted({ category: 'commission', complexity: 4, priority: 'high' })
      .assignedTo('C-2')
      .state();
    expect(state).toMatchObject({
      category: 'commission',
      complexity: 4,
      priority: 'high',
      assigneeId: 'C-2',
      responses: 2,
      repeatContacts: 1,
    });
    expect(wasSorted(state)).toBe(true);
  });

  it('lists follow-ups with their due date and status', () => {
    const state = aCase()
      .sortedTo('C-1')
      .promised('F-1', 'C-1', '2026-09-20T09:00:00.000Z')
      .promised('F-2')
      .completed('F-1')
      .state();
    expect(
      state.followUps.map(({ followUpId, dueAt, status }) => ({ followUpId, dueAt, status })),
    ).toStrictEqual([
      { followUpId: 'F-1', dueAt: '2026-09-20T09:00:00.000Z', status: 'completed' },
      { followUpId: 'F-2', dueAt: '2026-09-17T08:00:00.000Z', status: 'pending' },
    ]);
    expect(pendingFollowUps(state).map((f) => f.followUpId)).toStrictEqual(['F-2']);
  });

  it('resolution, rating, reopen: the rating is that of the latest resolution', () => {
    const resolved = aCase().sortedTo('C-1').responded().resolved();
    expect(resolved.state()).toMatchObject({ status: 'resolved', rating: null, timesResolved: 1 });
    expect(isOpen(resolved.state())).toBe(false);
    expect(resolved.rated('delighted').state()).toMatchObject({
      rating: 'delighted',
      ratedThisResolution: true,
    });
    expect(resolved.rated('delighted').reopened().state()).toMatchObject({
      status: 'open',
      rating: null,
      ratedThisResolution: false,
      responses: 1,
      responsesSinceReopen: 0,
      timesReopened: 1,
    });
    expect(resolved.rated('delighted').reopened().responded().resolved().state()).toMatchObject({
      status: 'resolved',
      rating: null,
      responses: 2,
      responsesSinceReopen: 1,
      timesResolved: 2,
    });
  });

  it('a never-sorted case is not sorted', () => {
    expect(wasSorted(aCase().assignedTo('C-1').state())).toBe(false);
  });

  it('evolve does not mutate the state it is given', () => {
    const before = aCase().sortedTo('C-1').promised('F-1').state();
    const snapshot = JSON.parse(JSON.stringify(before));
    caseDecider.evolve(before, {
      type: 'FollowUpCompleted',
      data: { caseId: 'case-1', followUpId: 'F-1', completedBy: 'C-1' },
      occurredAt: GIVEN_AT,
    });
    caseDecider.evolve(before, {
      type: 'ResponseSent',
      data: { caseId: 'case-1', channel: 'email', summary: 's', respondedBy: 'C-1' },
      occurredAt: GIVEN_AT,
    });
    expect(before).toStrictEqual(snapshot);
  });

  it('the state is plain JSON (it survives a round trip)', () => {
    const state = aCase().sortedTo('C-1').promised('F-1').responded().state();
    expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
  });
});

describe('case values', () => {
  it.each([
    ['low', 'normal'],
    ['normal', 'high'],
    ['high', 'urgent'],
    ['urgent', null],
  ] as const)('nextPriority(%s) is %s', (from, to) => {
    expect(nextPriority(from)).toBe(to);
  });

  it('distributorOf', () => {
    expect(distributorOf({ type: 'customer', id: 'CU-1' }, undefined)).toBeNull();
  });
});

describe('EVENT_SCHEMA_VERSIONS', () => {
  it('names every event type of the spec (plus ComplainantCaseOpened), all at version 1', () => {
    expect([...EVENT_TYPES].sort()).toStrictEqual(
      [
        'ComplaintReceived',
        'CaseContactRepeated',
        'CaseSorted',
        'CaseAssigned',
        'CasePriorityRaised',
        'ResponseSent',
        'FollowUpPromised',
        'FollowUpCompleted',
        'CaseResolved',
        'CaseReopened',
        'SatisfactionRecorded',
        'GoodwillBudgetAllocated',
        'GoodwillGranted',
        'OrderPlaced',
        'OrderCancelled',
        'OrderShipped',
        'OrderReturned',
        'PaymentDeclined',
        'RefundIssued',
        'StaffMemberRegistered',
        'StaffMemberChanged',
        'ServiceStandardsSet',
        'ComplainantCaseOpened',
      ].sort(),
    );
    expect(new Set(Object.values(EVENT_SCHEMA_VERSIONS))).toStrictEqual(new Set([1]));
    expect(isEventType('CaseSorted')).toBe(true);
    expect(isEventType('CaseDeleted')).toBe(false);
    // An array of one name would be taken for the name itself by a lookup that coerces keys.
    expect(isEventType(['CaseSorted'])).toBe(false);
  });
});
