import { recorded } from '../../../test/recorded-event.js';
import { rowsAfter } from '../../../test/fold.js';
import { serviceStandards, staffChanges } from './department.projection.js';

const at = { occurredAt: '2026-09-01T07:00:00.000Z', position: 3, eventId: 'e-3' };
const fact = { eventId: 'e-3', occurredAt: '2026-09-01T07:00:00.000Z', globalPosition: 3 };

describe('department: staff and standards over time, applied twice changes nothing', () => {
  it('StaffMemberRegistered is a full record, active', () => {
    const e = recorded(
      'StaffMemberRegistered',
      { staffId: 'C-1', name: 'Ann', roles: ['correspondent'], skillLevel: 3 },
      at,
    );
    const expected = {
      ...fact,
      staffId: 'C-1',
      change: 'registered',
      name: 'Ann',
      roles: ['correspondent'],
      skillLevel: 3,
      active: true,
    };
    expect(rowsAfter(staffChanges, [e], [e])).toEqual([expected]);
  });

  it('StaffMemberChanged keeps only what changed, the rest null', () => {
    const e = recorded('StaffMemberChanged', { staffId: 'C-1', active: false }, at);
    const expected = {
      ...fact,
      staffId: 'C-1',
      change: 'changed',
      name: null,
      roles: null,
      skillLevel: null,
      active: false,
    };
    expect(rowsAfter(staffChanges, [e, e])).toEqual([expected]);
  });

  it('ServiceStandardsSet keeps each channel hour and the limits', () => {
    const e = recorded(
      'ServiceStandardsSet',
      {
        version: 2,
        firstResponseHours: { mail: 24, email: 12, web: 12, social: 2, phone: 2, chat: 0.5 },
        goodwillPctOfSalesGuideline: 0.4,
        goodwillPerGrantLimitCents: 4000,
        refundLimitCents: 30000,
      },
      at,
    );
    expect(rowsAfter(serviceStandards, [e], [e])).toEqual([
      {
        ...fact,
        version: 2,
        firstResponseHoursMail: 24,
        firstResponseHoursEmail: 12,
        firstResponseHoursWeb: 12,
        firstResponseHoursSocial: 2,
        firstResponseHoursPhone: 2,
        firstResponseHoursChat: 0.5,
        goodwillPctOfSalesGuideline: 0.4,
        goodwillPerGrantLimitCents: 4000,
        refundLimitCents: 30000,
      },
    ]);
  });
});
