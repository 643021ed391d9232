import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { canonicalJson } from '#event-store';

/** Two requests are "the same" for an Idempotency-Key when method, path and JSON body are equal (key order aside). */
export function requestHash(request: Request): string {
  const body = request.body === undefined ? '' : canonicalJson(request.body);
  return createHash('sha256').update(`${request.method} ${request.originalUrl}\n${body}`).digest('hex');
}
