import { firstHalf } from './department-month.first-half.js';
import { secondHalf } from './department-month.second-half.js';
import { Scenario, type Step } from './scenario-steps.js';

/**
 * September 2026 in the customer-service department: 52 cases (4 left over from August), five
 * correspondents, a standards change on the 15th, budgets, orders, goodwill, refunds, follow-ups on
 * time / late / overdue / pending, repeat contacts, a reopening, ratings — in the order the facts
 * happened. Every figure the three reports give for it is worked out by hand in
 * department-month.figures.ts.
 */
export function departmentMonth(): Step[] {
  const s = new Scenario();
  firstHalf(s);
  secondHalf(s);
  return s.chronological();
}
