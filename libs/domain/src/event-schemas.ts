import { EVENT_SCHEMA_VERSIONS, isEventType, type DomainEvent, type EventType } from './events.js';

/** An event as it was written: its type, the version of its shape, and its data in that shape. */
export interface StoredEvent {
  type: string;
  schemaVersion: number;
  data: unknown;
}

/**
 * A stored event in its type's current shape, typed: `Omit<E, …> & DomainEvent` distributes over the
 * union, so `if (e.type === 'CaseSorted')` narrows `e.data` with no cast.
 */
export type Decoded<E extends StoredEvent> = Omit<E, 'type' | 'data' | 'schemaVersion'> &
  DomainEvent & { schemaVersion: number };

/** Turns the data of version n of one event type into version n + 1. Pure; never fails on data it wrote. */
export type Upcaster = (data: never) => unknown;

/** `'<type>@<n>'`: the upcaster from version n of that type to n + 1. */
export type UpcasterKey = `${EventType}@${number}`;

export class UnknownEventType extends Error {
  constructor(readonly type: string) {
    super(`No event type ${JSON.stringify(type)} in this build: the log holds an event it cannot read`);
    this.name = 'UnknownEventType';
  }
}

/**
 * Version n of an event type that this build knows only up to an older version: a newer build wrote
 * it (a rolling deploy). Reading it as the older shape would misread it, so the reader stops instead.
 */
export class NewerEventSchema extends Error {
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    readonly known: number,
  ) {
    super(`${type} v${schemaVersion} was written by a newer build; this one reads up to v${known}`);
    this.name = 'NewerEventSchema';
  }
}

/**
 * The one registry of event shapes: which version of each type this build writes, and how every
 * older version it may find in the log becomes that one. Folds, projections and the live workload
 * read every event through `decode`; the envelope stamps `versionOf`. A released version never
 * changes: a new shape is a new version here plus its upcaster from the one before.
 */
export class EventSchemas {
  constructor(
    private readonly current: Readonly<Record<EventType, number>>,
    private readonly upcasters: Readonly<Partial<Record<UpcasterKey, Upcaster>>>,
  ) {
    for (const type of Object.keys(current) as EventType[]) {
      for (let version = 1; version < current[type]; version++) {
        if (!upcasters[`${type}@${version}`])
          throw new Error(`${type} is at v${current[type]} but nothing upcasts its v${version}`);
      }
    }
  }

  /** The version this build writes for an event type. */
  versionOf(type: EventType): number {
    return this.current[type];
  }

  /**
   * The event in its type's current shape. An event already current comes back as the same object
   * (the projector's hot path allocates nothing); an older one as a copy with its data upcast one
   * version at a time and `schemaVersion` set to the current one.
   */
  decode<E extends StoredEvent>(event: E): Decoded<E> {
    const { type, schemaVersion } = event;
    if (!isEventType(type)) throw new UnknownEventType(type);
    const target = this.current[type];
    if (schemaVersion === target) return event as unknown as Decoded<E>;
    if (schemaVersion > target) throw new NewerEventSchema(type, schemaVersion, target);
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1)
      throw new Error(`${type} carries no valid schemaVersion (${String(schemaVersion)})`);
    let data = event.data;
    for (let version = schemaVersion; version < target; version++)
      data = (this.upcasters[`${type}@${version}`] as (d: unknown) => unknown)(data);
    return { ...event, data, schemaVersion: target } as unknown as Decoded<E>;
  }
}

/**
 * Upcasters of the released versions. None yet: every event type is at its first version (see
 * EVENT_SCHEMA_VERSIONS). The first change of a shape adds `'<Type>@1': (v1) => v2` here.
 */
const UPCASTERS: Partial<Record<UpcasterKey, Upcaster>> = {};

/** This build's registry. */
export const EVENT_SCHEMAS = new EventSchemas(EVENT_SCHEMA_VERSIONS, UPCASTERS);
