import { Inject, Injectable } from '@nestjs/common';
import {
  staffDecider,
  staffStream,
  standardsDecider,
  standardsInForceAt,
  STANDARDS_STREAM,
  type Actor,
  type ServiceStandards,
} from '#domain';
import type { EventStore } from '#event-store';
import { loadStream } from './stream-loader.js';
import { CLOCK, EVENT_STORE, type Clock } from './tokens.js';
import type { CommandRequest } from './command-request.js';

/** What every command is judged with: the time, the actor as the log knows them, the standards in force. */
export interface CommandEnvironment {
  now: string;
  occurredAt: string;
  actor: Actor;
  standards: ServiceStandards;
}

@Injectable()
export class CommandEnvironmentLoader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async load(request: CommandRequest): Promise<CommandEnvironment> {
    const now = this.clock.now();
    const occurredAt = request.occurredAt ?? now;
    const [staff, standardsStream] = await Promise.all([
      loadStream(this.store, staffDecider, staffStream(request.actorId)),
      loadStream(this.store, standardsDecider, STANDARDS_STREAM),
    ]);
    return {
      now,
      occurredAt,
      actor: {
        id: request.actorId,
        roles: request.actorRoles,
        staff: staff.state.registered ? staff.state : null,
      },
      standards: standardsInForceAt(standardsStream.state, occurredAt),
    };
  }

  /** The domain's command metadata. */
  static metadata(env: CommandEnvironment) {
    return { now: env.now, occurredAt: env.occurredAt, actor: env.actor };
  }
}
