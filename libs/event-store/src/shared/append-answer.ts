import type { RecordedEvent, StreamAppend } from '../event-store.port.js';

/** AppendResult.events: the recorded events of the append, in the order the caller named them. */
export function inAppendOrder(append: StreamAppend, logged: RecordedEvent[]): RecordedEvent[] {
  const byId = new Map(logged.map((event) => [event.eventId, event]));
  return append.events.map((event) => byId.get(event.eventId)!);
}

/** AppendResult.alreadyLogged: the ids of the append found in the log before it, in the append's order. */
export function loggedBefore(append: StreamAppend, present: RecordedEvent[]): string[] {
  if (present.length === 0) return [];
  const ids = new Set(present.map((event) => event.eventId));
  return append.events.filter((event) => ids.has(event.eventId)).map((event) => event.eventId);
}
