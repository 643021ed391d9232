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
    summary: 'Register a staff member',
    answers: { 201: staffAnswer },
    errors: ['OCCURRED_IN_FUTURE', 'STAFF_INACTIVE', 'STAFF_EXISTS'],
  },
  change: {
    summary: 'Change a staff member’s roles, skill level or activity',
    answers: { 200: staffAnswer },
    errors: ['OCCURRED_IN_FUTURE', 'STAFF_INACTIVE', 'STAFF_NOT_FOUND'],
  },
  setStandards: {
    summary: 'Set new service standards (the version increments)',
    answers: { 200: commandAnswer({ version: z.number().int().min(2) }) },
    errors: ['OCCURRED_IN_FUTURE', 'STAFF_INACTIVE'],
  },
  allocate: {
    summary: 'Allocate a monthly goodwill budget to a staff member',
    answers: { 201: staffAnswer },
    errors: ['OCCURRED_IN_FUTURE', 'STAFF_INACTIVE', 'STAFF_NOT_FOUND'],
  },
} satisfies Record<string, RouteDoc>;
