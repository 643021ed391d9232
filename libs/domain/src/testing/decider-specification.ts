import { fold, type Decider, type Timed } from '../shared/decider.js';
import { isDomainError, type ErrorCode } from '../shared/domain-error.js';
import { GIVEN_AT, NOW } from './clock.js';

/** A given event: plain ones happened at GIVEN_AT. */
export type Given<E> = E | Timed<E>;

const timed = <E extends object>(event: Given<E>, at: string): Timed<E> =>
  'occurredAt' in event ? (event as Timed<E>) : ({ ...event, occurredAt: at } as Timed<E>);

const occurredAtOf = (command: unknown): string =>
  (command as { metadata?: { occurredAt?: string } }).metadata?.occurredAt ?? NOW;

const describeFailure = (result: unknown): string =>
  isDomainError(result) ? `${result.code}: ${result.message}` : JSON.stringify(result);

/**
 * Specifications that read as sentences (emmett style):
 * `spec.given([events]).when(command).then([events])`, `.thenNothing()`, `.thenFails('CODE')`.
 * Events are compared with toStrictEqual, so an extra or `undefined` field fails the test.
 */
export const DeciderSpecification = {
  for<C, E extends { type: string; data: unknown }, S>(decider: Decider<C, E, S>) {
    return {
      given(events: Given<E> | Array<Given<E>> = []) {
        const history = (Array.isArray(events) ? events : [events]).map((e) => timed(e, GIVEN_AT));
        const state = fold(decider, history);
        return {
          when(command: C) {
            const decide = () => decider.decide(command, state);
            const succeeded = (): E[] => {
              const result = decide();
              if (isDomainError(result))
                throw new Error(`Expected events, but the command failed with ${describeFailure(result)}`);
              return result;
            };
            return {
              /** Exactly these events, in this order. */
              then(expected: E | E[]): void {
                const produced = succeeded();
                expect(produced).toStrictEqual(Array.isArray(expected) ? expected : [expected]);
              },
              /** Accepted, and nothing to append. */
              thenNothing(): void {
                expect(succeeded()).toStrictEqual([]);
              },
              /** Refused with this code (and these details, when given): nothing is appended. */
              thenFails(code: ErrorCode, details?: unknown): void {
                const result = decide();
                if (!isDomainError(result))
                  throw new Error(`Expected ${code}, but the command produced ${describeFailure(result)}`);
                expect(result.code).toBe(code);
                if (details !== undefined) expect(result.details).toStrictEqual(details);
              },
              /** The state after folding the given events and the produced ones (stamped with the command's occurredAt). */
              thenState(expected: Partial<S>): void {
                const after = succeeded().reduce(
                  (s, e) => decider.evolve(s, timed(e, occurredAtOf(command))),
                  state,
                );
                expect(after).toMatchObject(expected as object);
              },
            };
          },
        };
      },
    };
  },
};

/** Folds given events (plain ones at GIVEN_AT) into a state: context for other aggregates' commands. */
export function stateOf<E extends { type: string; data: unknown }, S>(
  decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
  events: Array<Given<E>>,
): S {
  return fold(
    decider,
    events.map((e) => timed(e, GIVEN_AT)),
  );
}

/** The given events with their business time. */
export const at = <E extends object>(occurredAt: string, ...events: E[]): Array<Timed<E>> =>
  events.map((e) => ({ ...e, occurredAt }));
