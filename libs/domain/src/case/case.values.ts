/** The department's vocabulary for cases (SPEC §2, §3). */
export const CHANNELS = ['mail', 'email', 'phone', 'web', 'chat', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CATEGORIES = [
  'product',
  'shipping',
  'billing',
  'commission',
  'autoship',
  'enrollment',
  'return',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** In escalation order: a repeat contact raises one step. */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const RATINGS = ['delighted', 'satisfied', 'disappointed', 'annoyed', 'angry'] as const;
export type Rating = (typeof RATINGS)[number];

export const ASSIGNMENT_REASONS = ['sort', 'rebalance', 'manual'] as const;
export type AssignmentReason = (typeof ASSIGNMENT_REASONS)[number];

export type ComplainantType = 'distributor' | 'customer';

/** Whoever contacted service. */
export interface Complainant {
  type: ComplainantType;
  id: string;
  name?: string;
}

/** One step up, capped at urgent (null when already urgent). */
export function nextPriority(priority: Priority): Priority | null {
  const index = PRIORITIES.indexOf(priority);
  return index < PRIORITIES.length - 1 ? PRIORITIES[index + 1] : null;
}

/** A case's distributor (SPEC §6.2): its distributorId, else the complainant when a distributor. */
export const distributorOf = (complainant: Complainant, distributorId: string | undefined): string | null =>
  distributorId ?? (complainant.type === 'distributor' ? complainant.id : null);
