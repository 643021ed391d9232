import { Inject, Injectable } from '@nestjs/common';
import { caseDecider, caseStream, type CaseCommand, type CaseState } from '#domain';
import type { EventStore } from '#event-store';
import { CommandEnvironmentLoader, type CommandEnvironment } from '../shared/command-environment.js';
import { orThrow, type Plan } from '../shared/command-runner.js';
import { expectAfter, loadStream, type LoadedStream } from '../shared/stream-loader.js';
import { EVENT_STORE } from '../shared/tokens.js';

type CommandOf<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;

/**
 * The shared step of every command on one case: read the case, let the case decider judge the
 * command, and plan the append at the revision that was read.
 */
@Injectable()
export class CaseCommands {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  load(caseId: string): Promise<LoadedStream<CaseState>> {
    return loadStream(this.store, caseDecider, caseStream(caseId));
  }

  async decide<T extends CaseCommand['type']>(
    env: CommandEnvironment,
    type: T,
    data: CommandOf<T>['data'],
    context?: CommandOf<T> extends { context: infer C } ? C : never,
    loaded?: LoadedStream<CaseState>,
  ): Promise<Plan> {
    const caseId = (data as { caseId: string }).caseId;
    const current = loaded ?? (await this.load(caseId));
    const command = {
      type,
      data,
      metadata: CommandEnvironmentLoader.metadata(env),
      ...(context ? { context } : {}),
    } as unknown as CaseCommand;
    const events = orThrow(caseDecider.decide(command, current.state));
    return {
      appends: [{ streamId: caseStream(caseId), expectedRevision: expectAfter(current), events }],
      status: 200,
      streamId: caseStream(caseId),
      current: { revision: current.revision, position: current.position },
      ids: { caseId },
    };
  }
}
