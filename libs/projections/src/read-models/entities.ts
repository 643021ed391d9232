import {
  CaseAssignment,
  CasePriorityRaise,
  CaseRating,
  CaseRepeatContact,
  CaseResponse,
  CaseSorting,
  CaseStatusChange,
  ReceivedCase,
} from './case-timeline/case-timeline.entities.js';
import { CaseLoad } from './case-timeline/case-load.entity.js';
import { FollowUp } from './case-timeline/follow-up.entity.js';
import { ProjectionCheckpoint } from './checkpoint.entity.js';
import { ServiceStandardsVersion, StaffChange } from './department/department.entities.js';
import {
  GoodwillBudgetAllocation,
  GoodwillGrant,
  Order,
  Refund,
} from './sales-and-goodwill/sales-and-goodwill.entities.js';

export {
  CaseAssignment,
  CaseLoad,
  CasePriorityRaise,
  CaseRating,
  CaseRepeatContact,
  CaseResponse,
  CaseSorting,
  CaseStatusChange,
  FollowUp,
  GoodwillBudgetAllocation,
  GoodwillGrant,
  Order,
  ProjectionCheckpoint,
  ReceivedCase,
  Refund,
  ServiceStandardsVersion,
  StaffChange,
};

/** Register in the application's DataSource (entities only describe the tables; migrations create them). */
export const readModelEntities = [
  ProjectionCheckpoint,
  ReceivedCase,
  CaseSorting,
  CasePriorityRaise,
  CaseAssignment,
  CaseStatusChange,
  CaseResponse,
  CaseRepeatContact,
  CaseRating,
  FollowUp,
  CaseLoad,
  StaffChange,
  ServiceStandardsVersion,
  Order,
  Refund,
  GoodwillGrant,
  GoodwillBudgetAllocation,
];
