import { isDomainError } from '#domain';
import type { Plan } from './command-runner.js';
import { expectAfter, type LoadedStream } from './stream-loader.js';

interface Deciding<C, S> {
  decide(command: C, state: S): ReadonlyArray<{ type: string; data: unknown }> | Error;
}

/** Judge a command on one loaded stream and plan its append at the revision that was read. */
export function decideOn<C, S>(
  decider: Deciding<C, S>,
  streamId: string,
  loaded: LoadedStream<S>,
  command: C,
  answer: { status: 200 | 201; ids: Record<string, unknown> },
): Plan {
  const events = decider.decide(command, loaded.state);
  if (isDomainError(events) || events instanceof Error) throw events;
  return {
    appends: [{ streamId, expectedRevision: expectAfter(loaded), events }],
    status: answer.status,
    streamId,
    current: { revision: loaded.revision, position: loaded.position },
    ids: answer.ids,
  };
}
