import { aCase, noCase } from '../testing/case-fixtures.js';
import { repeatContact } from './repeat-contact.js';

const contact = { channel: 'phone' as const, body: 'Third time I am writing!' };
const repeated = {
  type: 'CaseContactRepeated',
  data: { caseId: 'case-1', channel: 'phone', body: 'Third time I am writing!' },
};

describe('repeatContact (the same matter, written about again)', () => {
  it.each([
    ['low', 'normal'],
    ['normal', 'high'],
    ['high', 'urgent'],
  ] as const)('on a sorted %s case: CaseContactRepeated, then CasePriorityRaised to %s', (from, to) => {
    expect(repeatContact(aCase().sortedTo('C-1', { priority: from }).state(), contact)).toStrictEqual([
      repeated,
      { type: 'CasePriorityRaised', data: { caseId: 'case-1', from, to, reason: 'repeat contact' } },
    ]);
  });

  it('on an urgent case: CaseContactRepeated only (capped)', () => {
    expect(repeatContact(aCase().sortedTo('C-1', { priority: 'urgent' }).state(), contact)).toStrictEqual([
      repeated,
    ]);
  });

  it('on a case raised to urgent already: CaseContactRepeated only', () => {
    const state = aCase().sortedTo('C-1', { priority: 'high' }).priorityRaised('high', 'urgent').state();
    expect(repeatContact(state, contact)).toStrictEqual([repeated]);
  });

  it('on a never-sorted case: CaseContactRepeated only (no priority to raise)', () => {
    expect(repeatContact(aCase().state(), contact)).toStrictEqual([repeated]);
  });

  it('raises from the current priority, not the sorted one', () => {
    const state = aCase().sortedTo('C-1', { priority: 'low' }).priorityRaised('low', 'normal').state();
    expect(repeatContact(state, contact)).toStrictEqual([
      repeated,
      {
        type: 'CasePriorityRaised',
        data: { caseId: 'case-1', from: 'normal', to: 'high', reason: 'repeat contact' },
      },
    ]);
  });

  it('refuses a resolved case with CASE_NOT_OPEN', () => {
    const result = repeatContact(aCase().sortedTo('C-1').responded().resolved().state(), contact);
    expect(result).toMatchObject({ code: 'CASE_NOT_OPEN', details: { caseId: 'case-1' } });
  });

  it('refuses a case that does not exist with CASE_NOT_FOUND', () => {
    expect(repeatContact(noCase().state(), contact)).toMatchObject({ code: 'CASE_NOT_FOUND' });
  });
});
