import type { FirstResponseHours } from './service-standards.js';

/** The only event of the `standards` stream (SPEC §3). */
export type ServiceStandardsSet = {
  type: 'ServiceStandardsSet';
  data: {
    version: number;
    firstResponseHours: FirstResponseHours;
    goodwillPctOfSalesGuideline: number;
    goodwillPerGrantLimitCents: number;
    refundLimitCents: number;
  };
};

export type StandardsEvent = ServiceStandardsSet;
