import { LAG_COUNT_LIMIT } from '#config';
import type { EventStore } from './event-store.port.js';

/**
 * Events committed after `position` up to `head`, for a reader's lag (projections, the publisher).
 * Positions are not consecutive, so the events are counted rather than the positions subtracted.
 */
export function eventsBehind(
  store: Pick<EventStore, 'countEvents'>,
  position: number,
  head: number,
): Promise<number> {
  if (position >= head) return Promise.resolve(0);
  return store.countEvents({ after: position, upTo: head, limit: LAG_COUNT_LIMIT });
}
