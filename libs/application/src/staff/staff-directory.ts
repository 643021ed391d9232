import { Inject, Injectable } from '@nestjs/common';
import { staffDecider, staffStream, type StaffMemberState } from '#domain';
import type { EventStore } from '#event-store';
import { loadStream } from '../shared/stream-loader.js';
import { EVENT_STORE } from '../shared/tokens.js';

/** A staff member's record as the log stands now. */
@Injectable()
export class StaffDirectory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async get(staffId: string): Promise<StaffMemberState> {
    return (await loadStream(this.store, staffDecider, staffStream(staffId))).state;
  }
}
