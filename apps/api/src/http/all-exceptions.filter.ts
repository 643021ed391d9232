import { DATABASE_RETRY_AFTER_SECONDS } from '#config';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodError } from 'zod';
import { isDomainError } from '#domain';
import { isApplicationError } from '#application';
import { errorBody, ErrorBody, httpCodes } from './error-body.js';
import { applicationErrorStatus } from './application-error-status.js';
import { domainErrorStatus } from './domain-error-status.js';
import { zodDetails } from './zod-details.js';
import { databaseUnavailableBody } from './database-unavailable.js';
import type { CallerRequest } from '../auth/caller.js';

/**
 * Every failure leaves the API as `{ statusCode, code, message, details? }`: business rules by their
 * code, framework errors (unknown route, body parser) by status, anything unexpected as a 500 whose
 * cause goes to the log and never to the client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    // Database away (issue 23): 503 DATABASE_UNAVAILABLE with Retry-After, logged as a warning.
    const unavailable = databaseUnavailableBody(exception);
    if (unavailable) {
      const cause =
        exception instanceof Error
          ? ((exception.cause as Error | undefined)?.message ?? exception.message)
          : String(exception);
      this.logger.warn(
        `database unavailable on ${request.method} ${request.path} (correlation ${String(response.getHeader('X-Correlation-Id'))}): ${cause}`,
      );
      if (!response.headersSent)
        response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS)).status(503).json(unavailable);
      return;
    }
    const body = this.toBody(exception, request);
    if (body.statusCode >= 500 && body.code === 'INTERNAL_ERROR') {
      this.logger.error({
        err: exception,
        path: request.url,
        correlationId: (request as CallerRequest).correlationId,
      });
    }
    if (isApplicationError(exception) && exception.retryAfterSeconds !== undefined && !response.headersSent) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ErrorBody {
    if (isDomainError(exception)) {
      return errorBody(
        domainErrorStatus[exception.code],
        exception.code,
        exception.message,
        exception.details,
      );
    }
    if (isApplicationError(exception)) {
      return errorBody(
        applicationErrorStatus[exception.code],
        exception.code,
        exception.message,
        exception.details,
      );
    }
    if (exception instanceof ZodError) {
      return errorBody(400, 'VALIDATION_FAILED', 'The request is not valid', zodDetails(exception));
    }
    const parserError = bodyParserError(exception);
    if (parserError) return parserError;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload && 'code' in payload) return payload as ErrorBody;
      const message =
        status === 404
          ? `Cannot ${request.method} ${request.path}`
          : typeof payload === 'string'
            ? payload
            : exception.message;
      // A plain 400 from the framework (a path parameter that does not decode, say): name what it said.
      const details = status === 400 ? [{ path: '', message }] : undefined;
      return errorBody(
        status,
        httpCodes[status] ?? `HTTP_${status}`,
        status === 400 ? 'The request is not valid' : message,
        details,
      );
    }
    return errorBody(500, 'INTERNAL_ERROR', 'An unexpected error occurred; it has been logged');
  }
}

/** Errors thrown by Express's body parser carry `type` and `status`. */
function bodyParserError(e: unknown): ErrorBody | undefined {
  if (typeof e !== 'object' || e === null || !('type' in e)) return undefined;
  const type = (e as { type?: unknown }).type;
  if (type === 'entity.too.large')
    return errorBody(413, 'PAYLOAD_TOO_LARGE', 'The request body is over 256 KiB');
  if (type === 'entity.parse.failed') {
    return errorBody(400, 'VALIDATION_FAILED', 'The request body is not valid JSON', [
      { path: '', message: 'Malformed JSON' },
    ]);
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return errorBody(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body encoding is not supported');
  }
  return undefined;
}
