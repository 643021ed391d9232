import { COMMAND_ATTEMPTS, DEFAULT_COMMANDS_IN_FLIGHT } from '#config';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  DatabaseUnavailable,
  isDatabaseOutOfReach,
  IdempotencyKeyTaken,
  WrongExpectedRevision,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
} from '#event-store';
import { ApplicationError } from './application-error.js';
import type { CommandAnswer, CommandRequest } from './command-request.js';
import { CommandEnvironmentLoader, type CommandEnvironment } from './command-environment.js';
import { CommandAdmission } from './command-admission.js';
import { CommandContention, type CommandName, type ContentionFigures } from './command-contention.js';
import { envelope } from './event-envelope.js';
import { answeredBefore, idempotencyKeyOf, idempotencyRecord } from './idempotency.js';
import type { CommandDefinition } from './command-definition.js';
import { planCommand } from './command-pipeline.js';
import type { ReadPorts } from './command-reads.js';
import { StaffDirectory } from '../staff/staff-directory.js';
import { LiveWorkload } from '../workload/live-workload.js';
import { StreamLanes } from './stream-lanes.js';
import { COMMANDS_IN_FLIGHT, COMMANDS_WAITING_MAX, EVENT_STORE } from './tokens.js';

export interface PlannedAppend {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: ReadonlyArray<{ type: string; data: unknown }>;
}

/** What a handler decided: the appends, and how to answer. */
export interface Plan {
  appends: PlannedAppend[];
  status: 200 | 201;
  /** The stream named in the answer (`streamId`, `revision`). */
  streamId: string;
  /** Its revision and position as read: the answer when nothing is appended. */
  current: { revision: number; position: number };
  /** Ids the command created or touched (`caseId`, `grantId`, …). */
  ids: Record<string, unknown>;
}

/**
 * The path every command takes after validation: load the environment, let the handler decide,
 * append with the expected revisions it read, and retry from the reads when another writer got
 * there first (the handler read those revisions itself, so a retry re-judges on fresh state).
 * An Idempotency-Key is checked before and recorded in the same transaction as the events.
 * Commands beyond COMMANDS_IN_FLIGHT wait their turn at the door (CommandAdmission). Conflicts and
 * retries are counted per command type (CommandContention): a hot stream shows by its commands.
 */
@Injectable()
export class CommandRunner {
  private readonly admission: CommandAdmission;
  private readonly contention = new CommandContention();
  private readonly lanes = new StreamLanes();
  private readonly ports: ReadPorts;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly environment: CommandEnvironmentLoader,
    // Required: a second LiveWorkload made here would fold the log apart from the app's one.
    staff: StaffDirectory,
    workload: LiveWorkload,
    @Optional() @Inject(COMMANDS_IN_FLIGHT) commandsInFlight?: number,
    @Optional() @Inject(COMMANDS_WAITING_MAX) commandsWaitingMax?: number,
  ) {
    this.ports = { store, staff, workload };
    this.admission = new CommandAdmission(
      commandsInFlight ?? DEFAULT_COMMANDS_IN_FLIGHT,
      commandsWaitingMax,
      turnAwayWhileDatabaseAway,
    );
  }

  /** Commands working now, waiting their turn, and how many may work at once (for /metrics). */
  get load(): { running: number; waiting: number; limit: number } {
    return { ...this.admission.load, limit: this.admission.limit };
  }

  /** Per command type, since start: appends another writer beat, and attempts made again (for /metrics). */
  get contentionByCommand(): ContentionFigures[] {
    return this.contention.figures();
  }

  /**
   * Runs a declared command: its input is taken once, then every attempt reads and decides afresh.
   * Admitted at the door, it then waits for the commands before it on the stream it is judged on.
   */
  execute<X extends { request: CommandRequest }, I, C extends { type: string }, S, D, R, T>(
    definition: CommandDefinition<X, I, C, S, D, R, T>,
    command: X,
  ): Promise<CommandAnswer> {
    const input = definition.input(command);
    const lane = definition.decidesOn(input).streamId;
    return this.run(lane, definition.name, command.request, (env) =>
      planCommand(definition, input, env, this.ports),
    );
  }

  /** Every attempt of a command under its name (counted under it), after admission and its turn on its stream. */
  private run(
    lane: string,
    command: CommandName,
    request: CommandRequest,
    decide: (env: Promise<CommandEnvironment>) => Promise<Plan>,
  ): Promise<CommandAnswer> {
    return this.admission.run(
      () => this.lanes.inTurn(lane, () => this.runAdmitted(command, request, decide)),
      request.abandoned,
    );
  }

  private async runAdmitted(
    command: CommandName,
    request: CommandRequest,
    decide: (env: Promise<CommandEnvironment>) => Promise<Plan>,
  ): Promise<CommandAnswer> {
    this.contention.ran(command);
    const key = idempotencyKeyOf(request);
    if (key) {
      const replay = await this.replay(key, request);
      if (replay) return replay;
    }
    for (let attempt = 1; ; attempt++) {
      // The environment's reads (the actor's staff record, the standards) and the command's own go
      // out in the same tick, so the store sends them as one statement: one round trip, not two.
      const environment = this.environment.load(request);
      environment.catch(() => undefined); // awaited below; a decision that fails first must not leave it unhandled
      const plan = await decide(environment);
      const env = await environment;
      try {
        return await this.append(plan, env, request, key);
      } catch (caught) {
        const error = caught as Error;
        if (error instanceof IdempotencyKeyTaken && key) {
          // A twin carrying the same key was logged first: its answer is this one's.
          this.contention.conflicted(command);
          const replay = await this.replay(key, request);
          if (replay) return replay;
        }
        if (!(error instanceof WrongExpectedRevision)) throw error;
        this.contention.conflicted(command);
        if (attempt >= COMMAND_ATTEMPTS) {
          throw new ApplicationError(
            'CONCURRENCY_CONFLICT',
            `Stream ${error.streamId} kept changing; try again`,
            {
              streamId: error.streamId,
              attempts: attempt,
            },
          );
        }
        await pause(attempt);
        this.contention.retried(command);
      }
    }
  }

  private async append(
    plan: Plan,
    env: CommandEnvironment,
    request: CommandRequest,
    key: string | undefined,
  ): Promise<CommandAnswer> {
    const appends = plan.appends
      .filter((a) => a.events.length > 0)
      .map((a) => ({
        streamId: a.streamId,
        expectedRevision: a.expectedRevision,
        events: a.events.map((e) =>
          envelope(e, request, { occurredAt: env.occurredAt, standardsVersion: env.standards.version }),
        ),
      }));
    const eventIds = appends.flatMap((a) => a.events.map((e) => e.eventId));
    const body = {
      streamId: plan.streamId,
      revision: plan.current.revision,
      eventIds,
      globalPosition: plan.current.position,
      ...plan.ids,
    };
    if (appends.length === 0) return { status: plan.status, body };
    const idempotency = idempotencyRecord(key, request, { status: plan.status, body });
    const results: AppendResult[] =
      appends.length === 1
        ? [
            await this.store.appendToStream(appends[0].streamId, appends[0].events, {
              expectedRevision: appends[0].expectedRevision,
              idempotency,
            }),
          ]
        : await this.store.appendToStreams(appends, { idempotency });
    const primary = results.find((r) => r.streamId === plan.streamId) ?? results[results.length - 1];
    return {
      status: plan.status,
      body: {
        ...body,
        streamId: primary.streamId,
        revision: primary.nextExpectedRevision,
        globalPosition: Math.max(...results.map((r) => r.globalPosition)),
      },
    };
  }

  private async replay(key: string, request: CommandRequest): Promise<CommandAnswer | undefined> {
    const record = await answeredBefore(this.store, key, request);
    if (!record) return undefined;
    const body = record.answer.body as CommandAnswer['body'];
    return {
      status: record.answer.status,
      body: {
        ...body,
        ...(record.streamId !== null ? { streamId: record.streamId } : {}),
        ...(record.revision !== null ? { revision: record.revision } : {}),
        ...(record.globalPosition !== null ? { globalPosition: record.globalPosition } : {}),
      },
    };
  }
}

/**
 * The database out of reach (issue 23: refused, timed out): the commands waiting at the door would
 * meet it too, each after its own timeout; they are answered at once instead (nothing of theirs was
 * sent: outcome not applied). A terminated session is not that: the next connection works.
 */
function turnAwayWhileDatabaseAway(error: unknown): Error | undefined {
  if (!isDatabaseOutOfReach(error)) return undefined;
  return new DatabaseUnavailable(
    'The database cannot be reached right now; this command was not started',
    'not_applied',
    { cause: error },
  );
}

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** attempt)));
