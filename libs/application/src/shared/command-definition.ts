import type { DomainError } from '#domain';
import type { CommandEnvironment } from './command-environment.js';
import type { CommandName } from './command-contention.js';
import type { ReadStream, Sources } from './command-reads.js';
import type { CommandRequest } from './command-request.js';
import type { Folding } from './stream-loader.js';

/** A domain command as a declaration builds it: one of C's members, without `metadata`. */
export type WithoutMetadata<C> = C extends unknown ? Omit<C, 'metadata'> : never;

/** A decider as a command uses it: fold its stream, then judge the command on that state. */
export interface Deciding<C, S, D> extends Folding<S> {
  decide(command: C, state: S): D | DomainError;
}

/** The stream a command is judged on, and the decider that judges it. */
export interface DecidedStream<C, S, D> {
  streamId: string;
  decider: Deciding<C, S, D>;
}

/** A stream's head: where an append after it starts, and what an answer names. */
export interface StreamHead {
  streamId: string;
  revision: number;
  position: number;
}

/** A stream nothing was written to yet: its append expects `no_stream`. */
export const newStream = (streamId: string): StreamHead => ({ streamId, revision: -1, position: 0 });

/** Events the decision appends to one stream, after the head that was read. */
export interface Append {
  to: StreamHead;
  events: ReadonlyArray<{ type: string; data: unknown }>;
}

/** What a command read: its declared sources by name, and the stream it is judged on as `decided`. */
export type Read<S, R> = R & { decided: ReadStream<S> };

/** Everything known once the decider has spoken. */
export interface Decided<I, S, R, D> {
  input: I;
  read: Read<S, R>;
  decision: D;
}

/** How the command is answered besides `streamId`, `revision`, `eventIds`, `globalPosition`. */
export interface Answer {
  status: 200 | 201;
  /** Answer fields (`caseId`, `grantId`, `overBudget`, …), from the input and the events decided. */
  fields: Record<string, unknown>;
  /** The stream the answer names; default: the one decided on. */
  stream?: StreamHead;
}

/**
 * One command, declared: what it is judged on, what else it reads, the domain command it builds,
 * and how it answers. The CommandRunner does the rest the same way for all of them: reads in
 * parallel, decides, appends at the revisions read, envelopes, idempotency, retries on conflict.
 *
 * X is the Nest command, I the fields the command works on, C the domain command, S the decided
 * stream's state, D the decision, R the reads beside the decided stream, T the reads that need it.
 * (N only lets `command`'s `type: 'ResolveCase'` keep its literal type while C is inferred.)
 */
export interface CommandDefinition<
  X extends { request: CommandRequest },
  I,
  C extends { type: N },
  S,
  D,
  R,
  T,
  N extends string = string,
> {
  /** The domain's name for the command: /metrics counts conflicts and retries under it. */
  name: CommandName;
  /** Taken once, before the first attempt: an id the server chooses stays the same across retries. */
  input(command: X): I;
  decidesOn(input: I): DecidedStream<C, S, D>;
  /** Read in parallel with the decided stream. */
  reads?(input: I): Sources<R>;
  /** Read once the decided stream is known (the cases a complainant already has). */
  readsThen?(known: { input: I; read: Read<S, R> }): Sources<T>;
  /** The domain command without its metadata (time and actor): the runner adds those from `env`. */
  command(given: { input: I; read: Read<S, R & T>; env: CommandEnvironment }): NoInfer<WithoutMetadata<C>>;
  /** A refusal that is not the decider's (CASE_EXISTS), judged on its decision. */
  refuse?(decided: Decided<I, S, R & T, D>): Error | undefined;
  /** Where the decision's events go; default: all of them to the decided stream. */
  appends?(decided: Decided<I, S, R & T, D>): Append[];
  answer(decided: Decided<I, S, R & T, D>): Answer;
}

/** Declares a command; only here so its types are inferred from the declaration itself. */
export const defineCommand = <
  X extends { request: CommandRequest },
  I,
  C extends { type: N },
  S,
  D,
  R = unknown,
  T = unknown,
  N extends string = string,
>(
  definition: CommandDefinition<X, I, C, S, D, R, T, N>,
) => definition;

/** The first event of one type a decision produced, typed by that type (no cast on its data). */
export const firstOf = <E extends { type: string }, K extends E['type']>(
  events: ReadonlyArray<E>,
  type: K,
): Extract<E, { type: K }> | undefined =>
  events.find((event): event is Extract<E, { type: K }> => event.type === type);
