import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { unstorableJson } from '#application';
import type { CallerRequest } from '../auth/caller.js';

/**
 * Refuses a parsed body the log could not hold (too deep, `1e400`, lone surrogates: see
 * unstorableJson) before any schema, hash or SQL sees it. Like malformed JSON, the failure is kept
 * on the request and raised by the guard after 401 and 403 (SPEC §3).
 */
export function checkJsonBody(request: CallerRequest, _response: Response, next: NextFunction): void {
  if (request.bodyError === undefined && request.body !== undefined) {
    const problem = unstorableJson(request.body);
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
