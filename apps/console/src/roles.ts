import type { Session } from './session.js';

// The same rules as the API's @Allowed (apps/api): the console only offers what the API would allow.
// admin may do everything.
const may = (session: Session, ...roles: string[]) =>
  session.roles.includes('admin') || roles.some((r) => session.roles.includes(r));

export const can = {
  readReports: (s: Session) => may(s, 'supervisor', 'analyst', 'auditor'),
  audit: (s: Session) => may(s, 'auditor'),
  readHistory: (s: Session) => may(s, 'supervisor', 'auditor'),
  sort: (s: Session) => may(s, 'sorter', 'supervisor'),
  correspond: (s: Session) => may(s, 'correspondent', 'supervisor'),
  reopen: (s: Session) => may(s, 'correspondent', 'supervisor', 'intake'),
  supervise: (s: Session) => may(s, 'supervisor'),
};

/** A correspondent (not a supervisor) acts on their own cases only (the domain's NOT_ASSIGNEE). */
export function actsOn(session: Session, assigneeId: string | null): boolean {
  if (may(session, 'supervisor')) return true;
  return assigneeId === session.staffId;
}
