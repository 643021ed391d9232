import { excludeSystemEvents, START, type EventStoreDBClient } from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port.js';
import { fromResolvedEvent } from './esdb-envelope.js';

/**
 * ESDB's own catch-up subscription (it switches from reading to live by itself), system and
 * bookkeeping events filtered out on the server. Resumes after `after`: the position is passed as
 * both commit and prepare, and anything at or below it is dropped in case the server includes it.
 */
export async function* subscribeToAllEvents(
  client: EventStoreDBClient,
  after: number,
  signal: AbortSignal,
): AsyncGenerator<RecordedEvent> {
  if (signal.aborted) return;
  const subscription = client.subscribeToAll({
    fromPosition: after > 0 ? { commit: BigInt(after), prepare: BigInt(after) } : START,
    filter: excludeSystemEvents(),
  });
  const stop = () => void subscription.unsubscribe().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  try {
    for await (const resolved of subscription) {
      if (signal.aborted) return;
      const event = fromResolvedEvent(resolved);
      if (event && event.globalPosition > after) yield event;
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  } finally {
    signal.removeEventListener('abort', stop);
    await subscription.unsubscribe().catch(() => undefined);
  }
}
