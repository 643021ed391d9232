import type { EventStore } from '#event-store';
import type { StaffDirectory } from '../staff/staff-directory.js';
import type { LiveWorkload } from '../workload/live-workload.js';
import { loadStream, type Folding, type LoadedStream } from './stream-loader.js';

/** Where a command's reads come from: the log, the staff directory, the live workload. */
export interface ReadPorts {
  store: EventStore;
  staff: StaffDirectory;
  workload: LiveWorkload;
}

/** One thing a command reads, named in its declaration and fetched by the runner. */
export type Source<T> = (ports: ReadPorts) => Promise<T>;

/** A declaration's reads by name: `{ case: stream(caseDecider, …), assignee: staffMember(…) }`. */
export type Sources<R> = { [K in keyof R]: Source<R[K]> };

/** A stream as read: its id, its state, and where an append after it must start. */
export interface ReadStream<S> extends LoadedStream<S> {
  streamId: string;
}

/** A stream folded with its decider (`revision` -1 when it does not exist yet). */
export const stream =
  <S>(folding: Folding<S>, streamId: string): Source<ReadStream<S>> =>
  async ({ store }) => ({ streamId, ...(await loadStream(store, folding, streamId)) });

/** Several streams of one kind, read at once. */
export const streams =
  <S>(folding: Folding<S>, streamIds: string[]): Source<ReadStream<S>[]> =>
  (ports) =>
    Promise.all(streamIds.map((id) => stream(folding, id)(ports)));

/** A value known without reading (the branch of a read that is not needed). */
export const known =
  <T>(value: T): Source<T> =>
  () =>
    Promise.resolve(value);

/** Every source at once: a command waits for one round of reads, not one per source. */
export async function readAll<R>(sources: Sources<R>, ports: ReadPorts): Promise<R> {
  const names = Object.keys(sources) as Array<keyof R>;
  const values = await Promise.all(names.map((name) => sources[name](ports)));
  return Object.fromEntries(names.map((name, i) => [name, values[i]])) as R;
}
