import { AssignCaseHandler } from './cases/assign-case.js';
import { CaseHistoryHandler } from './cases/case-history.js';
import { CompleteFollowUpHandler } from './cases/complete-follow-up.js';
import { GetCaseHandler } from './cases/get-case.js';
import { PromiseFollowUpHandler } from './cases/promise-follow-up.js';
import { ReceiveComplaintHandler } from './cases/receive-complaint.js';
import { RecordSatisfactionHandler } from './cases/record-satisfaction.js';
import { ReopenCaseHandler } from './cases/reopen-case.js';
import { ResolveCaseHandler } from './cases/resolve-case.js';
import { SendResponseHandler } from './cases/send-response.js';
import { SortCaseHandler } from './cases/sort-case.js';
import { AllocateBudgetHandler } from './goodwill/allocate-budget.js';
import { GrantGoodwillHandler } from './goodwill/grant-goodwill.js';
import { IssueRefundHandler } from './orders/issue-refund.js';
import { RecordOrderEventsHandler } from './orders/record-order-events.js';
import { CommandEnvironmentLoader } from './shared/command-environment.js';
import { CommandRunner } from './shared/command-runner.js';
import { ChangeStaffMemberHandler } from './staff/change-staff-member.js';
import { RegisterStaffMemberHandler } from './staff/register-staff-member.js';
import { StaffDirectory } from './staff/staff-directory.js';
import { SetStandardsHandler } from './standards/set-standards.js';
import { LiveWorkload } from './workload/live-workload.js';

/** Everything the application layer provides; the ports (EVENT_STORE, CLOCK) come from the app. */
export const applicationProviders = [
  CommandEnvironmentLoader,
  CommandRunner,
  StaffDirectory,
  LiveWorkload,
  ReceiveComplaintHandler,
  SortCaseHandler,
  AssignCaseHandler,
  SendResponseHandler,
  PromiseFollowUpHandler,
  CompleteFollowUpHandler,
  ResolveCaseHandler,
  ReopenCaseHandler,
  RecordSatisfactionHandler,
  GrantGoodwillHandler,
  AllocateBudgetHandler,
  IssueRefundHandler,
  RecordOrderEventsHandler,
  RegisterStaffMemberHandler,
  ChangeStaffMemberHandler,
  SetStandardsHandler,
  GetCaseHandler,
  CaseHistoryHandler,
];
