/** Stream names of SPEC §3 (never rename these). */
export const caseStream = (caseId: string): string => `case-${caseId}`;
export const goodwillStream = (staffId: string): string => `goodwill-${staffId}`;
export const orderStream = (orderId: string): string => `order-${orderId}`;
export const staffStream = (staffId: string): string => `staff-${staffId}`;
export const STANDARDS_STREAM = 'standards';
export const complainantStream = (type: string, id: string): string => `complainant-${type}-${id}`;
