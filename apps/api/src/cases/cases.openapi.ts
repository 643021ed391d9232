import { z } from 'zod';
import { grantGoodwillBody, refundBody } from '#application';
import { CASE_CHECKS, type CaseCommand } from '#domain';
import { caseAnswer, commandAnswer, count, envelope, instant } from '../http/openapi/answers.js';
import type { RouteDoc } from '../http/openapi/documented.js';
import type { ApiErrorCode } from '../http/openapi/error-codes.js';
import { forDeploymentCurrency } from '../http/schema.pipe.js';

/** The money bodies name the deployment's currency (a payload in another is refused). */
export const goodwillBody = forDeploymentCurrency(grantGoodwillBody);
export const refundOrderBody = forDeploymentCurrency(refundBody);

/** The common refusals of a case command, read from the domain's table of checks (SPEC §3 order). */
function caseErrors(type: CaseCommand['type'], ...own: ApiErrorCode[]): ApiErrorCode[] {
  const checks = CASE_CHECKS[type];
  return [
    'OCCURRED_IN_FUTURE',
    'CASE_NOT_FOUND',
    'STAFF_INACTIVE',
    ...(checks.accountability !== null ? (['NOT_ASSIGNEE'] as const) : []),
    ...(checks.assigned ? (['CASE_NOT_ASSIGNED'] as const) : []),
    ...(checks.open ? (['CASE_NOT_OPEN'] as const) : []),
    ...own,
  ];
}

const followUp = z.object({
  followUpId: z.string(),
  dueAt: instant,
  status: z.enum(['pending', 'completed']),
});
const caseView = z.object({
  caseId: z.string(),
  status: z.enum(['open', 'resolved']),
  receivedAt: instant,
  channel: z.enum(['mail', 'email', 'phone', 'web', 'chat', 'social']),
  complainant: z.object({
    type: z.enum(['distributor', 'customer']),
    id: z.string(),
    name: z.string().optional(),
  }),
  distributorId: z.string().nullable(),
  orderId: z.string().nullable(),
  subject: z.string(),
  category: z.string().nullable(),
  complexity: z.number().int().min(1).max(5).nullable(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).nullable(),
  assigneeId: z.string().nullable(),
  responses: count,
  repeatContacts: count,
  followUps: z.array(followUp),
  goodwillCents: count,
  refundsCents: count,
  rating: z.enum(['delighted', 'satisfied', 'disappointed', 'annoyed', 'angry']).nullable(),
  revision: count,
});

const assigned = commandAnswer({ caseId: z.string(), assigneeId: z.string() });

export const casesDocs = {
  receive: {
    example: {
      channel: 'mail',
      complainant: { type: 'distributor', id: 'D-17', name: 'Dana Reyes' },
      subject: 'Broken lid',
      body: 'The lid of my blender arrived cracked.',
    },
    summary: 'Receive a complaint (opens a case, or adds a repeat contact to the open one)',
    description:
      'The same complainant (type + id) writing again about an open case with the same normalised subject ' +
      'opens nothing: CaseContactRepeated (and CasePriorityRaised when sorted) on that case, answered 200 with repeatOf.',
    answers: {
      201: caseAnswer,
      200: {
        description: 'A repeat contact on an open case',
        content: { 'application/json': commandAnswer({ caseId: z.string(), repeatOf: z.string() }) },
      },
    },
    errors: ['OCCURRED_IN_FUTURE', 'STAFF_INACTIVE', 'CASE_EXISTS'],
  },
  sort: {
    example: { category: 'product', complexity: 2, priority: 'normal' },
    summary: 'Sort (triage) a case and assign it',
    description:
      'Assigns to assigneeId, or auto-assigns the lowest weighted load among qualified correspondents.',
    answers: { 200: assigned },
    errors: caseErrors('SortCase', 'NOT_A_CORRESPONDENT', 'NO_QUALIFIED_CORRESPONDENT'),
  },
  assign: {
    example: { assigneeId: 'C-2', reason: 'rebalance' },
    summary: 'Assign a case to a correspondent',
    answers: { 200: assigned },
    errors: caseErrors('AssignCase', 'NOT_A_CORRESPONDENT'),
  },
  respond: {
    example: { channel: 'email', summary: 'Apologised and sent a replacement lid.' },
    summary: 'Record a response sent to the complainant',
    answers: { 200: caseAnswer },
    errors: caseErrors('SendResponse'),
  },
  promise: {
    example: { dueAt: '2026-09-03T17:00:00.000Z', description: 'Call back once the lid has arrived.' },
    summary: 'Promise a follow-up',
    answers: { 201: commandAnswer({ caseId: z.string(), followUpId: z.string() }) },
    errors: caseErrors('PromiseFollowUp'),
  },
  complete: {
    example: { note: 'Customer confirmed the lid fits.' },
    summary: 'Complete a promised follow-up',
    answers: { 200: commandAnswer({ caseId: z.string(), followUpId: z.string() }) },
    errors: caseErrors('CompleteFollowUp', 'FOLLOW_UP_NOT_FOUND', 'ALREADY_COMPLETED'),
  },
  resolve: {
    example: { resolution: 'Replacement lid delivered.' },
    summary: 'Resolve a case',
    answers: { 200: caseAnswer },
    errors: caseErrors('ResolveCase', 'NO_RESPONSE_SENT', 'OPEN_FOLLOW_UPS'),
  },
  reopen: {
    example: { reason: 'The new lid is cracked too.' },
    summary: 'Reopen a resolved case',
    answers: { 200: caseAnswer },
    errors: caseErrors('ReopenCase', 'CASE_NOT_RESOLVED'),
  },
  rate: {
    example: { rating: 'satisfied' },
    summary: 'Record the complainant’s satisfaction with a resolution',
    answers: { 200: caseAnswer },
    errors: caseErrors('RecordSatisfaction', 'CASE_NOT_RESOLVED', 'ALREADY_RATED'),
  },
  grant: {
    example: { kind: 'credit', amountCents: 2500, reason: 'Sorry for the wait', staffId: 'C-1' },
    summary: 'Grant goodwill on a case (debits a correspondent’s monthly budget)',
    answers: { 201: commandAnswer({ caseId: z.string(), grantId: z.string(), overBudget: z.boolean() }) },
    errors: [
      'OCCURRED_IN_FUTURE',
      'CASE_NOT_FOUND',
      'STAFF_INACTIVE',
      'NOT_ASSIGNEE',
      'NOT_A_CORRESPONDENT',
      'GOODWILL_LIMIT_EXCEEDED',
      'GOODWILL_BUDGET_EXCEEDED',
    ],
  },
  refund: {
    example: { orderId: 'O-1001', amountCents: 4999, reason: 'Money-back guarantee' },
    summary: 'Issue a refund on an order, for a case',
    answers: { 201: commandAnswer({ caseId: z.string(), refundId: z.string() }) },
    errors: [
      'OCCURRED_IN_FUTURE',
      'CASE_NOT_FOUND',
      'STAFF_INACTIVE',
      'NOT_ASSIGNEE',
      'UNKNOWN_ORDER',
      'ORDER_CANCELLED',
      'REFUND_EXCEEDS_ORDER',
      'REFUND_LIMIT_EXCEEDED',
    ],
  },
  show: {
    summary: 'A case’s current state, or as recorded at asOf',
    answers: { 200: caseView },
    errors: ['CASE_NOT_FOUND'],
  },
  history: {
    summary: 'Every event of a case and of its goodwill grants and refunds, with envelopes',
    answers: { 200: z.object({ caseId: z.string(), events: z.array(envelope) }) },
    errors: ['CASE_NOT_FOUND'],
  },
} satisfies Record<string, RouteDoc>;
