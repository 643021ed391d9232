import { EVENT_SCHEMAS } from '#domain';
import type { EventStore, ReadAllOptions } from '#event-store';
import type { DomainFacts } from '../read-models/read-model-table.js';

/**
 * The log after a position, as read models take it: each event decoded by the domain's one registry
 * of event shapes (an older version upcast; a current one not copied). An event this build cannot
 * read (a type or version a newer build wrote) ends the batch before it, so the events ahead of it
 * are applied; read first, it throws, and the reader stops there instead of folding past it.
 */
export async function readDomainFacts(
  store: Pick<EventStore, 'readAllFacts'>,
  options: ReadAllOptions,
): Promise<DomainFacts[]> {
  const decoded: DomainFacts[] = [];
  for (const event of await store.readAllFacts(options)) {
    try {
      decoded.push(EVENT_SCHEMAS.decode(event));
    } catch (error) {
      if (decoded.length === 0) throw error;
      break;
    }
  }
  return decoded;
}
