import type { DomainError } from './domain-error.js';

/** An event with its business time, as `evolve` receives it (the application stamps `occurredAt`). */
export type Timed<E> = E & { occurredAt: string };

/**
 * One aggregate as three plain functions. `decide` answers the events to append (possibly none) or
 * the broken rule; `Decision` is a plain event list except where a command touches two streams.
 */
export interface Decider<C, E, S, Decision = E[]> {
  decide(command: C, state: S): Decision | DomainError;
  evolve(state: S, event: Timed<E>): S;
  initialState(): S;
}

/** Folds timed events over the initial state. */
export const fold = <E, S>(
  decider: Pick<Decider<unknown, E, S, unknown>, 'evolve' | 'initialState'>,
  events: ReadonlyArray<Timed<E>>,
): S => events.reduce(decider.evolve, decider.initialState());

/** Compile-time exhaustiveness for switches over discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
