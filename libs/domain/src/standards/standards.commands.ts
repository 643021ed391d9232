import type { CommandMetadata } from '../shared/command.js';
import type { FirstResponseHours } from './service-standards.js';

/** `PUT /standards`: the version is the log's to give, not the caller's. */
export type SetServiceStandards = {
  type: 'SetServiceStandards';
  data: {
    firstResponseHours: FirstResponseHours;
    goodwillPctOfSalesGuideline: number;
    goodwillPerGrantLimitCents: number;
    refundLimitCents: number;
  };
  metadata: CommandMetadata;
};

export type StandardsCommand = SetServiceStandards;
