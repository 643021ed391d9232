import { checkActorActive } from '../shared/actor.js';
import type { Decider } from '../shared/decider.js';
import { checkIssues, type DomainError } from '../shared/domain-error.js';
import { checkOccurredAt } from '../shared/time.js';
import { issueUnless } from '../shared/validation.js';
import { pickFirstResponseHours } from './service-standards.js';
import type { SetServiceStandards, StandardsCommand } from './standards.commands.js';
import type { ServiceStandardsSet, StandardsEvent } from './standards.events.js';
import {
  evolveStandards,
  initialStandardsState,
  latestVersion,
  type StandardsState,
} from './standards.state.js';

const CHANNELS = ['mail', 'email', 'web', 'social', 'phone', 'chat'] as const;

function validate(data: SetServiceStandards['data']) {
  const hours = CHANNELS.flatMap((channel) =>
    issueUnless(
      Number.isFinite(data.firstResponseHours[channel]) && data.firstResponseHours[channel] > 0,
      `firstResponseHours.${channel}`,
      'A positive number of hours',
    ),
  );
  return checkIssues([
    ...hours,
    ...issueUnless(
      Number.isFinite(data.goodwillPctOfSalesGuideline) && data.goodwillPctOfSalesGuideline >= 0,
      'goodwillPctOfSalesGuideline',
      'A percentage ≥ 0',
    ),
    ...issueUnless(
      Number.isSafeInteger(data.goodwillPerGrantLimitCents) && data.goodwillPerGrantLimitCents >= 0,
      'goodwillPerGrantLimitCents',
      'Whole cents ≥ 0',
    ),
    ...issueUnless(
      Number.isSafeInteger(data.refundLimitCents) && data.refundLimitCents >= 0,
      'refundLimitCents',
      'Whole cents ≥ 0',
    ),
  ]);
}

/** The defaults are version 1, so the first set is version 2 (SPEC §3). */
export function setServiceStandards(
  command: SetServiceStandards,
  state: StandardsState,
): ServiceStandardsSet[] | DomainError {
  const { data, metadata } = command;
  const error =
    validate(data) ?? checkOccurredAt(metadata.occurredAt, metadata.now) ?? checkActorActive(metadata.actor);
  if (error) return error;
  const { firstResponseHours, goodwillPctOfSalesGuideline, goodwillPerGrantLimitCents, refundLimitCents } =
    data;
  return [
    {
      type: 'ServiceStandardsSet',
      data: {
        version: latestVersion(state) + 1,
        firstResponseHours: pickFirstResponseHours(firstResponseHours),
        goodwillPctOfSalesGuideline,
        goodwillPerGrantLimitCents,
        refundLimitCents,
      },
    },
  ];
}

export const decideStandards = (
  command: StandardsCommand,
  state: StandardsState,
): StandardsEvent[] | DomainError => setServiceStandards(command, state);

export const standardsDecider: Decider<StandardsCommand, StandardsEvent, StandardsState> = {
  decide: decideStandards,
  evolve: evolveStandards,
  initialState: initialStandardsState,
};
