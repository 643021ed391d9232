import type { CaseState } from '../case/case.state.js';
import type { CommandMetadata } from '../shared/command.js';
import type { StaffMemberState } from '../staff/staff.state.js';
import type { ServiceStandards } from '../standards/service-standards.js';
import type { GoodwillKind } from './goodwill.events.js';

/** Judged on `goodwill-{staffId}`. */
export type AllocateGoodwillBudget = {
  type: 'AllocateGoodwillBudget';
  data: { staffId: string; month: string; amountCents: number };
  metadata: CommandMetadata;
  /** The staff record of `staffId`. */
  context: { staff: StaffMemberState };
};

/** Judged on the debited account, `goodwill-{staffId ?? actor.id}`. */
export type GrantGoodwill = {
  type: 'GrantGoodwill';
  data: {
    caseId: string;
    grantId: string;
    kind: GoodwillKind;
    amountCents: number;
    sku?: string;
    quantity?: number;
    reason: string;
    /** The account debited; required from supervisors, a correspondent may only name themselves. */
    staffId?: string;
  };
  metadata: CommandMetadata;
  /** The case's state, the debited staff member's record, the standards in force at occurredAt. */
  context: { case: CaseState; debited: StaffMemberState; standards: ServiceStandards };
};

export type GoodwillCommand = AllocateGoodwillBudget | GrantGoodwill;
