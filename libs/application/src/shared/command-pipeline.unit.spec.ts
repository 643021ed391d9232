// Declared commands through the one runner (no HTTP, no PostgreSQL): an in-memory port and a tally
// decider written here. What a caller would notice: the answer's figures, the events in the store,
// the revisions they were appended at, and how often a command was judged.
import { DomainError } from '#domain';
import { asWritten, runnerInMemory } from '../testing/runner-in-memory.js';
import { ApplicationError } from './application-error.js';
import { defineCommand, firstOf, newStream } from './command-definition.js';
import { stream } from './command-reads.js';
import type { CommandRequest } from './command-request.js';

const NOW = '2026-10-15T12:00:00.000Z';

type Counted = { type: 'Counted'; data: { total: number; countId: string } };
type Noted = { type: 'Noted'; data: { total: number } };
type Count = { type: 'Count'; data: { by: number; countId: string }; seenElsewhere: number };

/** A tally: `Count` adds to the total so far; a negative count is the domain's refusal. */
const tally = {
  schemas: asWritten,
  initialState: () => 0,
  evolve: (_before: number, event: { data: { total: number } }) => event.data.total,
  decide: (command: Count, total: number): Array<Counted | Noted> | DomainError =>
    command.data.by < 0
      ? new DomainError('VALIDATION_FAILED', 'A count is never negative')
      : [
          { type: 'Counted', data: { total: total + command.data.by, countId: command.data.countId } },
          ...(command.seenElsewhere > 0
            ? [{ type: 'Noted' as const, data: { total: command.seenElsewhere } }]
            : []),
        ],
};

class CountCommand {
  constructor(
    readonly request: CommandRequest,
    readonly by: number,
  ) {}
}

const request: CommandRequest = {
  actorId: 'C-1',
  actorRoles: ['correspondent'],
  correlationId: 'corr-1',
  causationId: 'cause-1',
};

function pipeline() {
  const { store, runner } = runnerInMemory(NOW);
  const seed = (streamId: string, ...totals: number[]) =>
    store.seed(
      streamId,
      totals.map((total) => ({ type: 'Counted', data: { total }, occurredAt: NOW })),
    );
  return { store, runner, seed };
}

/** Counts on `tally-1`; ids are numbered per input taken, to see how often that happens. */
function counting() {
  const judged: number[] = [];
  let inputs = 0;
  const definition = defineCommand({
    name: 'SendResponse',
    input: ({ by }: CountCommand) => ({ by, countId: `count-${++inputs}` }),
    decidesOn: () => ({ streamId: 'tally-1', decider: tally }),
    command: ({ input, read }) => {
      judged.push(read.decided.state);
      return { type: 'Count', data: input, seenElsewhere: 0 };
    },
    answer: ({ input, decision }) => ({
      status: 201,
      fields: { countId: input.countId, total: firstOf(decision, 'Counted')?.data.total },
    }),
  });
  return { definition, judged, inputs: () => inputs };
}

describe('declared commands: the answer', () => {
  it('answers fields taken from the events the decision produced, at the revision appended', async () => {
    const { store, runner, seed } = pipeline();
    seed('tally-1', 2, 4);
    const answer = await runner.execute(counting().definition, new CountCommand(request, 3));
    expect(answer).toEqual({
      status: 201,
      body: {
        streamId: 'tally-1',
        revision: 2,
        eventIds: [store.log[2]!.eventId],
        globalPosition: 3,
        countId: 'count-1',
        total: 7,
      },
    });
    expect(store.log[2]).toMatchObject({
      streamId: 'tally-1',
      type: 'Counted',
      data: { total: 7, countId: 'count-1' },
      metadata: { actorId: 'C-1', causationId: 'cause-1', schemaVersion: 1 },
    });
  });

  it('raises the decider’s refusal and appends nothing', async () => {
    const { store, runner } = pipeline();
    await expect(runner.execute(counting().definition, new CountCommand(request, -1))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(store.appendCalls).toBe(0);
  });
});

describe('declared commands: conflicts', () => {
  it('re-reads and re-decides when another writer appended first, keeping the input taken once', async () => {
    const { store, runner, seed } = pipeline();
    const { definition, judged, inputs } = counting();
    seed('tally-1', 1);
    store.beforeAppend = () => {
      store.beforeAppend = undefined;
      seed('tally-1', 10);
    };
    const answer = await runner.execute(definition, new CountCommand(request, 5));
    expect(judged).toEqual([1, 10]);
    expect(inputs()).toBe(1);
    expect(answer.body).toMatchObject({ revision: 2, total: 15, countId: 'count-1' });
    expect(store.log.map((e) => e.data)).toEqual([
      { total: 1 },
      { total: 10 },
      { total: 15, countId: 'count-1' },
    ]);
  });

  it('takes turns on one stream in this process: the second command reads what the first wrote, no conflict', async () => {
    const { store, runner, seed } = pipeline();
    const { definition, judged } = counting();
    seed('tally-1', 1);
    const answers = await Promise.all(
      [2, 3, 4].map((by) => runner.execute(definition, new CountCommand(request, by))),
    );
    expect(answers.map((a) => a.body.total)).toEqual([3, 6, 10]);
    expect(judged).toEqual([1, 3, 6]); // each judged once, on the total the one before it left
    expect(store.log.map((e) => (e.data as { total: number }).total)).toEqual([1, 3, 6, 10]);
    expect(runner.contentionByCommand).toEqual([{ command: 'SendResponse', conflicts: 0, retries: 0 }]);
  });
});

describe('declared commands: two streams', () => {
  /** Decides on `tally-1`, reads `tally-2`, and sends the `Noted` event to `tally-2`. */
  const twoStreams = (judged: Array<[number, number]>) =>
    defineCommand({
      name: 'ReceiveComplaint',
      input: ({ by }: CountCommand) => ({ by, countId: 'count-A' }),
      decidesOn: () => ({ streamId: 'tally-1', decider: tally }),
      reads: () => ({ other: stream(tally, 'tally-2') }),
      command: ({ input, read }) => {
        judged.push([read.decided.state, read.other.state]);
        return { type: 'Count', data: input, seenElsewhere: read.other.state };
      },
      appends: ({ decision, read }) => [
        { to: read.decided, events: decision.filter((e) => e.type === 'Counted') },
        { to: read.other, events: decision.filter((e) => e.type === 'Noted') },
      ],
      answer: ({ read }) => ({ status: 200, stream: read.other, fields: {} }),
    });

  it('appends to both streams at the revisions read, and names the stream the answer says', async () => {
    const { store, runner, seed } = pipeline();
    seed('tally-1', 1);
    seed('tally-2', 6, 8);
    const answer = await runner.execute(twoStreams([]), new CountCommand(request, 2));
    expect(store.log.slice(3).map((e) => [e.streamId, e.streamRevision, e.type, e.data])).toEqual([
      ['tally-1', 1, 'Counted', { total: 3, countId: 'count-A' }],
      ['tally-2', 2, 'Noted', { total: 8 }],
    ]);
    expect(answer).toEqual({
      status: 200,
      body: {
        streamId: 'tally-2',
        revision: 2,
        eventIds: [store.log[3]!.eventId, store.log[4]!.eventId],
        globalPosition: 5,
      },
    });
  });

  it('re-decides on both when the stream only read changed, appending neither half of the stale decision', async () => {
    const { store, runner, seed } = pipeline();
    const judged: Array<[number, number]> = [];
    seed('tally-1', 1);
    seed('tally-2', 6);
    store.beforeAppend = () => {
      store.beforeAppend = undefined;
      seed('tally-2', 9);
    };
    await runner.execute(twoStreams(judged), new CountCommand(request, 2));
    expect(judged).toEqual([
      [1, 6],
      [1, 9],
    ]);
    expect(store.log.filter((e) => e.metadata.actorId === 'C-1').map((e) => [e.streamId, e.data])).toEqual([
      ['tally-1', { total: 3, countId: 'count-A' }],
      ['tally-2', { total: 9 }],
    ]);
  });

  it('expects no stream for a stream the decision starts, and refuses by declaration before any append', async () => {
    const { store, runner, seed } = pipeline();
    seed('tally-9', 1);
    const starting = (refused: boolean) =>
      defineCommand({
        name: 'ReceiveComplaint',
        input: ({ by }: CountCommand) => ({ by, countId: 'count-B' }),
        decidesOn: () => ({ streamId: 'tally-1', decider: tally }),
        command: ({ input }) => ({ type: 'Count', data: input, seenElsewhere: 0 }),
        refuse: () => (refused ? new ApplicationError('CASE_EXISTS', 'taken') : undefined),
        appends: ({ decision }) => [{ to: newStream('tally-9'), events: decision }],
        answer: () => ({ status: 201, stream: newStream('tally-9'), fields: {} }),
      });
    await expect(runner.execute(starting(true), new CountCommand(request, 1))).rejects.toMatchObject({
      code: 'CASE_EXISTS',
    });
    expect(store.appendCalls).toBe(0);
    // tally-9 exists, so an append expecting no stream keeps losing: the runner gives up after its retries.
    await expect(runner.execute(starting(false), new CountCommand(request, 1))).rejects.toMatchObject({
      code: 'CONCURRENCY_CONFLICT',
      details: { streamId: 'tally-9' },
    });
  }, 20_000);
});
