import type { ValidationIssue } from './domain-error.js';

export const isPositiveCents = (n: number): boolean => Number.isSafeInteger(n) && n > 0;

export const isLevel = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 5;

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Collects an issue when the condition fails. */
export const issueUnless = (ok: boolean, path: string, message: string): ValidationIssue[] =>
  ok ? [] : [{ path, message }];
