import { randomUUID } from 'node:crypto';
import type { NextFunction, Response } from 'express';
import type { CallerRequest } from '../auth/caller.js';

const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes `X-Correlation-Id` when it is sane, otherwise makes one, and echoes it on the response. */
export function correlationId(request: CallerRequest, response: Response, next: NextFunction): void {
  const sent = request.headers['x-correlation-id'];
  const id = typeof sent === 'string' && acceptable.test(sent) ? sent : randomUUID();
  request.correlationId = id;
  response.setHeader('X-Correlation-Id', id);
  next();
}
