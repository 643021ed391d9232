import type { Actor } from '../shared/actor.js';
import type { CommandMetadata } from '../shared/command.js';

/** The server's clock in specifications: mid-September 2026, so given events and grants share a month. */
export const NOW = '2026-09-15T12:00:00.000Z';
/** When plain given events happened. */
export const GIVEN_AT = '2026-09-15T08:00:00.000Z';

export const plusMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface When {
  occurredAt?: string;
  now?: string;
}

/** Command metadata: by this actor, at NOW unless told otherwise. */
export const metadataFor = (actor: Actor, when: When = {}): CommandMetadata => ({
  now: when.now ?? NOW,
  occurredAt: when.occurredAt ?? when.now ?? NOW,
  actor,
});
