import { EVENT_SCHEMAS, type EventSchemas } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';

/** A stream folded into its aggregate's state, with what an append after it must expect. */
export interface LoadedStream<S> {
  state: S;
  /** Last revision, or -1 when the stream does not exist. */
  revision: number;
  /** Global position of its last event (0 when empty). */
  position: number;
  events: RecordedEvent[];
}

export interface Folding<S> {
  initialState(): S;
  evolve(state: S, event: never): S;
  /** How this fold reads a stored event: through the domain's registry of event shapes, unless it says. */
  schemas?: Pick<EventSchemas, 'decode'>;
}

/**
 * An event as a decider's `evolve` takes it: its type, its data in the current shape (the registry
 * upcasts an older one, and refuses a type or version this build does not know), its business time.
 */
function timed(e: RecordedEvent, schemas: Pick<EventSchemas, 'decode'>): never {
  const stored = { type: e.type, schemaVersion: e.metadata.schemaVersion, data: e.data };
  const { type, data } = schemas.decode(stored);
  return { type, data, occurredAt: e.occurredAt } as never;
}

export function fold<S>(folding: Folding<S>, events: RecordedEvent[]): LoadedStream<S> {
  const schemas = folding.schemas ?? EVENT_SCHEMAS;
  let state = folding.initialState();
  for (const event of events) state = folding.evolve(state, timed(event, schemas));
  const last = events[events.length - 1];
  return {
    state,
    revision: last ? last.streamRevision : -1,
    position: last ? last.globalPosition : 0,
    events,
  };
}

export async function loadStream<S>(
  store: EventStore,
  folding: Folding<S>,
  streamId: string,
): Promise<LoadedStream<S>> {
  return fold(folding, await store.readStream(streamId));
}

/** The expected revision of an append after this load: exact when the stream exists. */
export const expectAfter = (loaded: { revision: number }) =>
  loaded.revision < 0 ? ('no_stream' as const) : loaded.revision;
