import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { TokenClaims } from './token-policy.js';

/** Who is calling, from the verified token, and the request facts every command records. */
export interface Caller {
  id: string;
  roles: string[];
  correlationId: string;
  idempotencyKey: string | undefined;
  /** SHA-256 of method, path and canonical body: what an Idempotency-Key is bound to. */
  requestHash: string;
  /** True once the client closed the connection before its answer was sent. */
  abandoned: () => boolean;
}

export interface CallerRequest extends Request {
  caller?: Caller;
  correlationId?: string;
  /** The JSON parser's error, raised by the guard after 401 and 403 (see deferMalformedJson). */
  bodyError?: unknown;
  /** The token's claims, verified before the body is read (authenticateEarly); null when none holds. */
  claims?: TokenClaims | null;
}

export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<CallerRequest>();
  if (!request.caller) throw new Error('CurrentCaller used on a public route');
  return request.caller;
});
