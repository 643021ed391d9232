import type { IncomingMessage } from 'node:http';
import type { NextFunction, Response } from 'express';
import type { CallerRequest } from '../auth/caller.js';
import type { JwtVerifier } from '../auth/jwt-verifier.js';

/**
 * Verifies the Bearer token before the body is read, so a request without a valid one costs a
 * header check and nothing else: its body is never parsed (see `parsesBody`), and the guard answers
 * 401 from what is kept here. Public routes still work: they carry no token and need no body.
 */
export function authenticateEarly(verifier: JwtVerifier) {
  return (request: CallerRequest, _response: Response, next: NextFunction): void => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) {
      request.claims = null;
      next();
      return;
    }
    verifier.verify(match[1]!).then(
      (claims) => {
        request.claims = claims;
        next();
      },
      () => {
        request.claims = null;
        next();
      },
    );
  };
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** The JSON parser's `type` test: JSON bodies of authenticated callers only. */
export const parsesBody = (request: IncomingMessage): boolean =>
  Boolean((request as CallerRequest).claims) && JSON_TYPE.test(request.headers['content-type'] ?? '');
