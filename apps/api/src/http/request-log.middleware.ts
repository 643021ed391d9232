import type { NextFunction, Response } from 'express';
import type { Logger } from 'pino';
import type { CallerRequest } from '../auth/caller.js';

/** One structured line per request, with its correlation id, once the answer has gone out. */
export function requestLog(logger: Logger) {
  return (request: CallerRequest, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = response.statusCode >= 500 ? 'error' : 'info';
      logger[level](
        {
          correlationId: request.correlationId,
          method: request.method,
          path: request.originalUrl,
          status: response.statusCode,
          ms: Math.round(ms * 10) / 10,
          actorId: request.caller?.id,
        },
        'request',
      );
    });
    next();
  };
}
