import type { ZodError } from 'zod';

export interface FieldProblem {
  path: string;
  message: string;
}

/** Every offending field, one entry each; unknown fields are named one by one. */
export function zodDetails(error: ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: at ? `${at}.${key}` : key, message: 'Unknown field' }));
    }
    return [{ path: at, message: issue.message }];
  });
}
