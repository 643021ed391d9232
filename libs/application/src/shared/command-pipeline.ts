import { isDomainError } from '#domain';
import { CommandEnvironmentLoader, type CommandEnvironment } from './command-environment.js';
import type { Append, CommandDefinition, Decided } from './command-definition.js';
import { readAll, stream, type ReadPorts, type Sources } from './command-reads.js';
import type { CommandRequest } from './command-request.js';
import type { Plan } from './command-runner.js';
import { expectAfter } from './stream-loader.js';

/**
 * One attempt of a declared command: read what it declares, let its decider judge, and plan the
 * appends at the revisions that were read. Run again from scratch by the runner after a conflict.
 */
export async function planCommand<
  X extends { request: CommandRequest },
  I,
  C extends { type: string },
  S,
  D,
  R,
  T,
>(
  definition: CommandDefinition<X, I, C, S, D, R, T>,
  input: I,
  environment: Promise<CommandEnvironment>,
  ports: ReadPorts,
): Promise<Plan> {
  const { streamId, decider } = definition.decidesOn(input);
  // Asked for in the tick the environment's reads were: the store sends them together.
  const [env, decided, reads] = await Promise.all([
    environment,
    stream(decider, streamId)(ports),
    readAllOf(definition.reads?.(input), ports),
  ]);
  const first = { ...reads, decided };
  const read = { ...first, ...(await readAllOf(definition.readsThen?.({ input, read: first }), ports)) };
  const command = {
    ...definition.command({ input, read, env }),
    metadata: CommandEnvironmentLoader.metadata(env),
  };
  const decision = decider.decide(command as C, decided.state);
  if (isDomainError(decision) || decision instanceof Error) throw decision;
  const outcome: Decided<I, S, R & T, D> = { input, read, decision };
  const refused = definition.refuse?.(outcome);
  if (refused) throw refused;
  const appends = definition.appends?.(outcome) ?? [{ to: decided, events: eventsOf(decision) }];
  const answer = definition.answer(outcome);
  const named = answer.stream ?? decided;
  return {
    appends: appends.map((a: Append) => ({
      streamId: a.to.streamId,
      expectedRevision: expectAfter(a.to),
      events: a.events,
    })),
    status: answer.status,
    streamId: named.streamId,
    current: { revision: named.revision, position: named.position },
    ids: answer.fields,
  };
}

/** Reads nothing when a declaration declares nothing to read. */
function readAllOf<R>(sources: Sources<R> | undefined, ports: ReadPorts): Promise<R> {
  return sources ? readAll(sources, ports) : Promise.resolve({} as R);
}

/** A decision that is a plain event list goes to the decided stream; any other must say where it goes. */
function eventsOf(decision: unknown): Append['events'] {
  if (Array.isArray(decision)) return decision as Append['events'];
  throw new Error('A decision that is not an event list needs `appends` in its declaration');
}
