import { Inject, Injectable } from '@nestjs/common';
import { staffDecider, staffStream, type StaffMemberState } from '#domain';
import type { EventStore } from '#event-store';
import { loadStream } from '../shared/stream-loader.js';
import type { Source } from '../shared/command-reads.js';
import { EVENT_STORE } from '../shared/tokens.js';

/** A staff member's record as the log stands now. */
@Injectable()
export class StaffDirectory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async get(staffId: string): Promise<StaffMemberState> {
    return (await loadStream(this.store, staffDecider, staffStream(staffId))).state;
  }
}

/** A command's read of one staff member's record (the assignee, the account debited). */
export const staffMember =
  (staffId: string): Source<StaffMemberState> =>
  ({ staff }) =>
    staff.get(staffId);
