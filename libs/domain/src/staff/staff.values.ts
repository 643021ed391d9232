/** The roles a token or a staff record may carry (SPEC §2, §4): who may do what is decided by them. */
export const ROLES = [
  'intake',
  'sorter',
  'correspondent',
  'supervisor',
  'auditor',
  'analyst',
  'integration',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];
