import { verifyChains, type AuditLog, type VerificationReport } from '#audit';

/** Where the chain verification stands: the one running now, else the last one that finished. */
export interface VerificationStatus {
  running: boolean;
  /** Events in the log when the run started; null until counted. */
  eventsTotal: number | null;
  eventsChecked: number;
  streamsChecked: number;
  startedAt: string | null;
  finishedAt: string | null;
}

const NEVER_RUN: VerificationStatus = {
  running: false,
  eventsTotal: null,
  eventsChecked: 0,
  streamsChecked: 0,
  startedAt: null,
  finishedAt: null,
};

/**
 * One walk of the whole log at a time (each holds a connection and a snapshot for as long as the
 * log is long, so parallel ones only slow each other and the commands down), with its progress
 * kept where `GET /audit/verify/progress` reads it: what the console's progress bar shows.
 */
export class VerificationRuns {
  private status: VerificationStatus = NEVER_RUN;

  get current(): VerificationStatus {
    return { ...this.status };
  }

  /** Undefined when a run is already going: the caller answers VERIFY_IN_PROGRESS. */
  start(log: AuditLog): Promise<VerificationReport> | undefined {
    if (this.status.running) return undefined;
    this.status = { ...NEVER_RUN, running: true, startedAt: new Date().toISOString() };
    return this.walk(log);
  }

  private async walk(log: AuditLog): Promise<VerificationReport> {
    const status = this.status;
    try {
      status.eventsTotal = await log.countEvents();
      const report = await verifyChains(log.eventsInChainOrder(), {
        onProgress: ({ eventsChecked, streamsChecked }) =>
          Object.assign(status, { eventsChecked, streamsChecked }),
      });
      Object.assign(status, { eventsChecked: report.eventsChecked, streamsChecked: report.streamsChecked });
      return report;
    } finally {
      status.running = false;
      status.finishedAt = new Date().toISOString();
    }
  }
}
