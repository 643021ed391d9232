import { oneRowPerEvent, type ReadModelTable } from '../read-model-table.js';
import { ServiceStandardsVersion, StaffChange } from './department.entities.js';

export const staffChanges = oneRowPerEvent(
  StaffChange,
  ['StaffMemberRegistered', 'StaffMemberChanged'],
  (e): StaffChange => {
    const base = { eventId: e.eventId, occurredAt: e.occurredAt, globalPosition: e.globalPosition };
    if (e.type === 'StaffMemberRegistered') {
      const d = e.data;
      // A registration makes the member active: the field is explicit so "as of" needs no default.
      return {
        ...base,
        staffId: d.staffId,
        change: 'registered',
        name: d.name,
        roles: [...d.roles],
        skillLevel: d.skillLevel,
        active: true,
      };
    }
    const d = e.data;
    return {
      ...base,
      staffId: d.staffId,
      change: 'changed',
      name: null,
      roles: d.roles ? [...d.roles] : null,
      skillLevel: d.skillLevel ?? null,
      active: d.active ?? null,
    };
  },
);

export const serviceStandards = oneRowPerEvent(
  ServiceStandardsVersion,
  ['ServiceStandardsSet'],
  (e): ServiceStandardsVersion => {
    const d = e.data;
    const h = d.firstResponseHours;
    return {
      eventId: e.eventId,
      version: d.version,
      occurredAt: e.occurredAt,
      globalPosition: e.globalPosition,
      firstResponseHoursMail: h.mail,
      firstResponseHoursEmail: h.email,
      firstResponseHoursWeb: h.web,
      firstResponseHoursSocial: h.social,
      firstResponseHoursPhone: h.phone,
      firstResponseHoursChat: h.chat,
      goodwillPctOfSalesGuideline: d.goodwillPctOfSalesGuideline,
      goodwillPerGrantLimitCents: d.goodwillPerGrantLimitCents,
      refundLimitCents: d.refundLimitCents,
    };
  },
);

/** Who was on staff, with which roles and skill, and which standards were in force, over time. */
export const departmentTables: ReadModelTable[] = [staffChanges, serviceStandards] as ReadModelTable[];
