import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  caseStream,
  complainantDecider,
  complainantStream,
  isDomainError,
  normaliseSubject,
  type ReceiveComplaint,
} from '#domain';
import type { EventStore } from '#event-store';
import { ApplicationError } from '../shared/application-error.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandEnvironmentLoader } from '../shared/command-environment.js';
import { CommandRunner, type Plan } from '../shared/command-runner.js';
import { expectAfter, loadStream } from '../shared/stream-loader.js';
import { EVENT_STORE } from '../shared/tokens.js';
import { CaseCommands } from './case-commands.js';
import type { ReceiveComplaintBody } from './case-bodies.js';

export class ReceiveComplaintCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly body: ReceiveComplaintBody,
  ) {
    super();
  }
}

/**
 * Repeat-contact detection goes through the complainant's stream: a new case is appended together
 * with an entry in `complainant-{type}-{id}` at the revision that was read, so two identical
 * complaints racing cannot both open a case — the second one retries and finds the first open.
 */
@CommandHandler(ReceiveComplaintCommand)
export class ReceiveComplaintHandler implements ICommandHandler<ReceiveComplaintCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly cases: CaseCommands,
  ) {}

  execute({ request, body }: ReceiveComplaintCommand): Promise<CommandAnswer> {
    const caseId = body.caseId ?? randomUUID();
    const { occurredAt: _occurredAt, caseId: _given, ...fields } = body;
    const complainantId = complainantStream(body.complainant.type, body.complainant.id);
    return this.runner.run('ReceiveComplaint', request, async (env): Promise<Plan> => {
      const complainant = await loadStream(this.store, complainantDecider, complainantId);
      const subjectKey = normaliseSubject(body.subject);
      const sameSubject = complainant.state.cases.filter((c) => c.subjectKey === subjectKey);
      const loaded = await Promise.all(sameSubject.map((c) => this.cases.load(c.caseId)));
      const command: ReceiveComplaint = {
        type: 'ReceiveComplaint',
        data: { caseId, ...fields },
        metadata: CommandEnvironmentLoader.metadata(env),
        context: { openCases: loaded.map((l) => l.state).filter((s) => s.status === 'open') },
      };
      const decision = complainantDecider.decide(command, complainant.state);
      if (isDomainError(decision)) throw decision;
      if (decision.kind === 'repeat') {
        const open = loaded.find((l) => l.state.caseId === decision.caseId)!;
        return {
          appends: [
            {
              streamId: caseStream(decision.caseId),
              expectedRevision: expectAfter(open),
              events: decision.caseEvents,
            },
          ],
          status: 200,
          streamId: caseStream(decision.caseId),
          current: { revision: open.revision, position: open.position },
          ids: { caseId: decision.caseId, repeatOf: decision.caseId },
        };
      }
      if (body.caseId && (await this.cases.load(caseId)).revision >= 0) {
        throw new ApplicationError('CASE_EXISTS', `Case ${caseId} already exists`);
      }
      return {
        appends: [
          {
            streamId: complainantId,
            expectedRevision: expectAfter(complainant),
            events: decision.complainantEvents,
          },
          { streamId: caseStream(caseId), expectedRevision: 'no_stream', events: decision.caseEvents },
        ],
        status: 201,
        streamId: caseStream(caseId),
        current: { revision: -1, position: 0 },
        ids: { caseId },
      };
    });
  }
}
