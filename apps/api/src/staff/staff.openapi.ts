import { z } from 'zod';
import { allocateBudgetBody } from '#application';
import { commandAnswer } from '../http/openapi/answers.js';
import type { RouteDoc } from '../http/openapi/documented.js';
import { forDeploymentCurrency } from '../http/schema.pipe.js';

/** `{ staffId, month, amountCents }`, in the deployment's currency. */
export const budgetBody = forDeploymentCurrency(allocateBudgetBody);

const staffAnswer = commandAnswer({ staffId: z.string() });

export const departmentDocs = {
  register: {
    example: { staffId: 'C-1', name: 'Casey Lee', roles: ['correspondent'], skillLevel: 3 },
    summary: 'Register a staff member',
    answers: { 201: staffAnswer },
    errors: ['OCCURRED_IN_FUTURE', 'STAFF_INACTIVE', 'STAFF_EXISTS'],
  },
  change: {
    example: { skillLevel: 4 },
    summary: 'Change a staff member’s roles, skill level or activity',
    answers: { 200: staffAnswer },
    errors: ['OCCURRED_IN_FUTURE', 'STAFF_INACTIVE', 'STAFF_NOT_FOUND'],
  },
  setStandards: {
    example: {
      firstResponseHours: { mail: 48, email: 24, web: 24, social: 4, phone: 4, chat: 1 },
      goodwillPctOfSalesGuideline: 0.5,
      goodwillPerGrantLimitCents: 5000,
      refundLimitCents: 50000,
    },
    summary: 'Set new service standards (the version increments)',
    answers: { 200: commandAnswer({ version: z.number().int().min(2) }) },
    errors: ['OCCURRED_IN_FUTURE', 'STAFF_INACTIVE'],
  },
  allocate: {
    example: { staffId: 'C-1', month: '2026-09', amountCents: 20000 },
    summary: 'Allocate a monthly goodwill budget to a staff member',
    answers: { 201: staffAnswer },
    errors: ['OCCURRED_IN_FUTURE', 'STAFF_INACTIVE', 'STAFF_NOT_FOUND'],
  },
} satisfies Record<string, RouteDoc>;
