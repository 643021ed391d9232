import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { CallerRequest } from '../auth/caller.js';
import { LONE_SURROGATE } from '../auth/token-policy.js';

/** Objects and arrays nested deeper than this are refused: no body of the API needs more than 4. */
export const MAX_JSON_DEPTH = 32;

/**
 * What JSON.parse accepts but nothing behind it can hold, found in one pass over the parsed body
 * before any schema, hash or SQL sees it: nesting past MAX_JSON_DEPTH (the recursion of validation
 * and canonical JSON would overflow the stack), numbers JSON parses to Infinity (`1e400`), and lone
 * UTF-16 surrogates (`"\ud800"`, refused by PostgreSQL). Like malformed JSON, the failure is kept
 * on the request and raised by the guard after 401 and 403 (SPEC §3). The walk is a loop, not a
 * recursion, so the depth it measures cannot overflow it.
 */
export function checkJsonBody(request: CallerRequest, _response: Response, next: NextFunction): void {
  if (request.bodyError === undefined && request.body !== undefined) {
    const problem = bodyProblem(request.body);
    if (problem) {
      request.bodyError = new BadRequestException({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request is not valid',
        details: [problem],
      });
    }
  }
  next();
}

export function bodyProblem(body: unknown): { path: string; message: string } | undefined {
  const pending: Array<{ value: unknown; path: string[]; depth: number }> = [
    { value: body, path: [], depth: 0 },
  ];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
      return { path: path.join('.'), message: 'Contains a lone UTF-16 surrogate, which is not text' };
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return { path: path.join('.'), message: 'A number too large to represent' };
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH)
      return { path: path.join('.'), message: `Nested deeper than ${MAX_JSON_DEPTH} levels` };
    for (const [key, child] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key))
        return { path: [...path, key].join('.'), message: 'A field name with a lone UTF-16 surrogate' };
      pending.push({ value: child, path: [...path, key], depth: depth + 1 });
    }
  }
  return undefined;
}
