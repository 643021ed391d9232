import type { CaseState } from '../case/case.state.js';
import type { Channel, Complainant } from '../case/case.values.js';
import type { CommandMetadata } from '../shared/command.js';

/** `POST /cases`: opens a case, or is a repeat contact on an open one. */
export type ReceiveComplaint = {
  type: 'ReceiveComplaint';
  data: {
    /** Generated (or given) for the case this complaint would open; ignored on a repeat. */
    caseId: string;
    channel: Channel;
    complainant: Complainant;
    distributorId?: string;
    orderId?: string;
    subject: string;
    body: string;
  };
  metadata: CommandMetadata;
  /** Current states of the complainant's cases whose subjectKey equals this complaint's. */
  context: { openCases: CaseState[] };
};

export type ComplainantCommand = ReceiveComplaint;
