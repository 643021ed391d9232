import { isDomainError } from '../shared/domain-error.js';
import { MINUTE, NOW, plusMs, SECOND } from '../testing/clock.js';
import { aCase } from '../testing/case-fixtures.js';
import { aComplaint } from '../testing/complaint-fixtures.js';
import { stateOf } from '../testing/decider-specification.js';
import { aCorrespondent, anIntakeClerk, anIntegration } from '../testing/staff-fixtures.js';
import { complainantDecider } from './complainant.decider.js';
import type { ComplainantCaseOpened } from './complainant.events.js';

const opened = (caseId: string, subjectKey: string, id = 'D-17'): ComplainantCaseOpened => ({
  type: 'ComplainantCaseOpened',
  data: { caseId, complainant: { type: 'distributor', id }, subjectKey },
});
const complainantWith = (...events: ComplainantCaseOpened[]) => stateOf(complainantDecider, events);

describe('ReceiveComplaint', () => {
  const complaint = aComplaint('case-1')
    .fromDistributor('D-17')
    .byMail()
    .about('Broken lid')
    .saying('My lid is cracked.');

  it('opens a case for a first complaint, and records it in the complainant stream', () => {
    expect(complainantDecider.decide(complaint.receive(), complainantWith())).toStrictEqual({
      kind: 'new-case',
      caseId: 'case-1',
      complainantEvents: [
        {
          type: 'ComplainantCaseOpened',
          data: {
            caseId: 'case-1',
            complainant: { type: 'distributor', id: 'D-17' },
            subjectKey: 'broken lid',
          },
        },
      ],
      caseEvents: [
        {
          type: 'ComplaintReceived',
          data: {
            caseId: 'case-1',
            channel: 'mail',
            complainant: { type: 'distributor', id: 'D-17' },
            subject: 'Broken lid',
            body: 'My lid is cracked.',
          },
        },
      ],
    });
  });

  it('keeps every optional field given, exactly as given', () => {
    const full = aComplaint('case-2')
      .fromCustomer('CU-3', 'Ann Lee')
      .ofDistributor('D-17')
      .aboutOrder('O-5')
      .onTheWeb()
      .about('  RE: Late   parcel')
      .saying('Where is it?');
    const decision = complainantDecider.decide(full.receive(), complainantWith());
    expect(decision).toStrictEqual({
      kind: 'new-case',
      caseId: 'case-2',
      complainantEvents: [
        {
          type: 'ComplainantCaseOpened',
          data: {
            caseId: 'case-2',
            complainant: { type: 'customer', id: 'CU-3', name: 'Ann Lee' },
            subjectKey: 'late parcel',
          },
        },
      ],
      caseEvents: [
        {
          type: 'ComplaintReceived',
          data: {
            caseId: 'case-2',
            channel: 'web',
            complainant: { type: 'customer', id: 'CU-3', name: 'Ann Lee' },
            distributorId: 'D-17',
            orderId: 'O-5',
            subject: '  RE: Late   parcel',
            body: 'Where is it?',
          },
        },
      ],
    });
  });

  it('a repeat about the same open matter goes to the open case (the new caseId is ignored)', () => {
    const open = aCase('case-1').sortedTo('C-1', { priority: 'normal' }).state();
    const again = aComplaint('case-99')
      .fromDistributor('D-17')
      .byPhone()
      .about('re: BROKEN  lid')
      .saying('Still nothing!');
    expect(
      complainantDecider.decide(
        again.receive({ openCases: [open] }),
        complainantWith(opened('case-1', 'broken lid')),
      ),
    ).toStrictEqual({
      kind: 'repeat',
      caseId: 'case-1',
      caseEvents: [
        { type: 'CaseContactRepeated', data: { caseId: 'case-1', channel: 'phone', body: 'Still nothing!' } },
        {
          type: 'CasePriorityRaised',
          data: { caseId: 'case-1', from: 'normal', to: 'high', reason: 'repeat contact' },
        },
      ],
    });
  });

  it('a repeat on an urgent case only records the contact', () => {
    const open = aCase('case-1').sortedTo('C-1', { priority: 'urgent' }).state();
    const decision = complainantDecider.decide(
      aComplaint('case-2').receive({ openCases: [open] }),
      complainantWith(opened('case-1', 'broken lid')),
    );
    expect(decision).toStrictEqual({
      kind: 'repeat',
      caseId: 'case-1',
      caseEvents: [
        {
          type: 'CaseContactRepeated',
          data: { caseId: 'case-1', channel: 'email', body: 'The lid of my blender arrived cracked.' },
        },
      ],
    });
  });

  it('a repeat on a never-sorted case only records the contact', () => {
    const open = aCase('case-1').state();
    const decision = complainantDecider.decide(
      aComplaint('case-2').receive({ openCases: [open] }),
      complainantWith(opened('case-1', 'broken lid')),
    );
    expect(decision).toMatchObject({
      kind: 'repeat',
      caseId: 'case-1',
      caseEvents: [{ type: 'CaseContactRepeated' }],
    });
    expect(isDomainError(decision) ? [] : decision.caseEvents).toHaveLength(1);
  });

  it('several open cases under one subject: the repeat goes to the one opened first', () => {
    const first = aCase('case-A').sortedTo('C-1').state();
    const second = aCase('case-B').sortedTo('C-2').state();
    const state = complainantWith(opened('case-A', 'broken lid'), opened('case-B', 'broken lid'));
    const decision = complainantDecider.decide(
      aComplaint('case-C').receive({ openCases: [second, first] }),
      state,
    );
    expect(decision).toMatchObject({ kind: 'repeat', caseId: 'case-A' });
  });

  it('skips a resolved earlier case for a later open one', () => {
    const resolved = aCase('case-A').sortedTo('C-1').responded().resolved().state();
    const open = aCase('case-B').sortedTo('C-2').state();
    const state = complainantWith(opened('case-A', 'broken lid'), opened('case-B', 'broken lid'));
    expect(
      complainantDecider.decide(aComplaint('case-C').receive({ openCases: [resolved, open] }), state),
    ).toMatchObject({ kind: 'repeat', caseId: 'case-B' });
  });

  it('opens a new case when the earlier one about the subject is resolved', () => {
    const resolved = aCase('case-A').sortedTo('C-1').responded().resolved().state();
    const decision = complainantDecider.decide(
      aComplaint('case-B').receive({ openCases: [resolved] }),
      complainantWith(opened('case-A', 'broken lid')),
    );
    expect(decision).toMatchObject({ kind: 'new-case', caseId: 'case-B' });
  });

  it('a reopened case is open again: the repeat goes to it', () => {
    const reopened = aCase('case-A').sortedTo('C-1').responded().resolved().reopened().state();
    const decision = complainantDecider.decide(
      aComplaint('case-B').receive({ openCases: [reopened] }),
      complainantWith(opened('case-A', 'broken lid')),
    );
    expect(decision).toMatchObject({ kind: 'repeat', caseId: 'case-A' });
  });

  it('another subject opens a new case', () => {
    const open = aCase('case-A').state();
    const decision = complainantDecider.decide(
      aComplaint('case-B')
        .about('Commission missing')
        .receive({ openCases: [open] }),
      complainantWith(opened('case-A', 'broken lid')),
    );
    expect(decision).toMatchObject({
      kind: 'new-case',
      caseId: 'case-B',
      complainantEvents: [{ data: { subjectKey: 'commission missing' } }],
    });
  });

  it('ignores an open case in the context that is not this complainant’s under this subject', () => {
    const elsewhere = aCase('case-X').state();
    const decision = complainantDecider.decide(
      aComplaint('case-B').receive({ openCases: [elsewhere] }),
      complainantWith(opened('case-A', 'broken lid')),
    );
    expect(decision).toMatchObject({ kind: 'new-case', caseId: 'case-B' });
  });

  it('a case known to the complainant stream but missing from the context opens a new case', () => {
    const decision = complainantDecider.decide(
      aComplaint('case-B').receive({ openCases: [] }),
      complainantWith(opened('case-A', 'broken lid')),
    );
    expect(decision).toMatchObject({ kind: 'new-case', caseId: 'case-B' });
  });

  it.each([
    ['intake', anIntakeClerk().actor()],
    ['an integration token', anIntegration()],
    ['a correspondent', aCorrespondent().actor()],
  ])('accepts a complaint from %s', (_, by) => {
    expect(complainantDecider.decide(complaint.receive({ by }), complainantWith())).toMatchObject({
      kind: 'new-case',
    });
  });

  it('refuses an inactive staff member with STAFF_INACTIVE', () => {
    expect(
      complainantDecider.decide(
        complaint.receive({ by: anIntakeClerk().inactive().actor() }),
        complainantWith(),
      ),
    ).toMatchObject({ code: 'STAFF_INACTIVE' });
  });

  it.each([
    [4 * MINUTE + 59 * SECOND, 'new-case'],
    [5 * MINUTE, 'new-case'],
  ])('accepts occurredAt %i ms ahead', (offset, kind) => {
    expect(
      complainantDecider.decide(complaint.receive({ occurredAt: plusMs(NOW, offset) }), complainantWith()),
    ).toMatchObject({ kind });
  });

  it('refuses occurredAt 5m01s ahead with OCCURRED_IN_FUTURE, before STAFF_INACTIVE', () => {
    const command = complaint.receive({
      occurredAt: plusMs(NOW, 5 * MINUTE + SECOND),
      by: anIntakeClerk().inactive().actor(),
    });
    expect(complainantDecider.decide(command, complainantWith())).toMatchObject({
      code: 'OCCURRED_IN_FUTURE',
    });
  });
});

describe('complainant state', () => {
  it('lists the cases with their subject keys in the order they were opened', () => {
    expect(complainantWith(opened('case-A', 'broken lid'), opened('case-B', 'late parcel'))).toStrictEqual({
      cases: [
        { caseId: 'case-A', subjectKey: 'broken lid' },
        { caseId: 'case-B', subjectKey: 'late parcel' },
      ],
    });
  });
});
