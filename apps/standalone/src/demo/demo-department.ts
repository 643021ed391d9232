/**
 * The people and rules of the demo department: who works there, in which roles, how skilled, the
 * standards they work under and their goodwill budgets. Staff ids are the token subjects the demo
 * acts as, so the accountability rules (a correspondent acts on their own cases) hold as in real use.
 */
export interface DemoStaff {
  staffId: string;
  name: string;
  roles: string[];
  skillLevel: number;
}

export const SUPERVISOR = 'S-1';
export const SORTER = 'SO-1';
export const INTAKE = 'IN-1';
export const AUDITOR = 'AU-1';
export const ANALYST = 'AN-1';
/** The upstream order system: not staff, an integration token's subject. */
export const ORDER_FEED = 'orders-feed';

export const DEMO_STAFF: DemoStaff[] = [
  { staffId: SUPERVISOR, name: 'Morgan Reyes', roles: ['supervisor'], skillLevel: 5 },
  { staffId: SORTER, name: 'Sam Ortiz', roles: ['sorter'], skillLevel: 3 },
  { staffId: INTAKE, name: 'Ivy Nakamura', roles: ['intake'], skillLevel: 1 },
  { staffId: 'C-1', name: 'Casey Lee', roles: ['correspondent'], skillLevel: 5 },
  { staffId: 'C-2', name: 'Priya Shah', roles: ['correspondent'], skillLevel: 4 },
  { staffId: 'C-3', name: 'Tom Becker', roles: ['correspondent'], skillLevel: 3 },
  { staffId: 'C-4', name: 'Lucia Romano', roles: ['correspondent'], skillLevel: 3 },
  { staffId: 'C-5', name: 'Dev Patel', roles: ['correspondent'], skillLevel: 2 },
  { staffId: 'C-6', name: 'Jo Walsh', roles: ['correspondent'], skillLevel: 1 },
  { staffId: AUDITOR, name: 'Ada Underwood', roles: ['auditor'], skillLevel: 1 },
  { staffId: ANALYST, name: 'Ravi Anand', roles: ['analyst'], skillLevel: 1 },
];

export const CORRESPONDENTS = DEMO_STAFF.filter((s) => s.roles.includes('correspondent')).map(
  (s) => s.staffId,
);

/** The standards the department sets on the first of the month (version 2 after the defaults). */
export const DEMO_STANDARDS = {
  firstResponseHours: { mail: 48, email: 24, web: 24, social: 4, phone: 4, chat: 1 },
  goodwillPctOfSalesGuideline: 0.5,
  goodwillPerGrantLimitCents: 5000,
  refundLimitCents: 50000,
};

export const MONTHLY_BUDGET_CENTS = 25_000;

/** What complainants write about, with the category a sorter files it under. */
export const SUBJECTS: Array<{ subject: string; category: string }> = [
  { subject: 'Lid of the storage set arrived cracked', category: 'product' },
  { subject: 'Serum bottle leaked in the parcel', category: 'product' },
  { subject: 'Parcel never arrived', category: 'shipping' },
  { subject: 'Party order delivered to the wrong host', category: 'shipping' },
  { subject: 'Charged twice for one order', category: 'billing' },
  { subject: 'Commission missing for last month', category: 'commission' },
  { subject: 'Downline bonus calculated wrongly', category: 'commission' },
  { subject: 'Autoship sent after I cancelled it', category: 'autoship' },
  { subject: 'Starter kit incomplete', category: 'enrollment' },
  { subject: 'No return label in the box', category: 'return' },
  { subject: 'Catalogue price differs from the invoice', category: 'billing' },
  { subject: 'Question about the loyalty points', category: 'other' },
];
