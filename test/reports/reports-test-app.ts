import { startTestApp, type TestApp } from '../support/test-app.js';

export type ReportsTestApp = TestApp;

/**
 * The whole system (startTestApp) with a shorter read-your-writes wait (REPORT_WAIT_MS), so the
 * 503 of a report that cannot catch up does not take the default 5 s.
 */
export function startReportsTestApp(options: { waitMs?: number } = {}): Promise<ReportsTestApp> {
  return startTestApp({ env: options.waitMs === undefined ? {} : { REPORT_WAIT_MS: String(options.waitMs) } });
}
