import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { ZodType } from 'zod';
import type { ApiErrorCode } from './error-codes.js';
import { jsonSchemaOf } from './zod-json-schema.js';

/** A success answer: its JSON body, or a body per media type (CSV reports, Prometheus text). */
export type Answer = ZodType | { description?: string; content: Record<string, ZodType> };

/**
 * Everything the OpenAPI document says about a route besides what its parameters declare
 * (`@Body({ schema })`, `@Query({ schema })`, `@Param('id', { schema })`, whose zod schemas
 * validate the request and are documented as they are).
 */
export interface RouteDoc {
  summary: string;
  description?: string;
  /** Every success status the route answers, with its body. */
  answers: Partial<Record<200 | 201 | 503, Answer>>;
  /**
   * The route's own error codes. The common ones are added from the operation's shape
   * (openapi-completion.ts): 401/403 unless public, 400 with parameters or a body, 413/415 with a
   * body, 409 CONCURRENCY_CONFLICT, 422 IDEMPOTENCY_KEY_REUSED and 503 COMMANDS_BUSY on commands,
   * 429 RATE_LIMITED and 503 DATABASE_UNAVAILABLE on every route behind a token, 500 everywhere.
   */
  errors?: ApiErrorCode[];
  /** A valid request body, shown by Swagger UI and checked against the body's schema by the e2e test. */
  example?: unknown;
}

/** Where openapi-completion.ts finds a route's own error codes and its request example. */
export const ERROR_CODES_EXTENSION = 'x-error-codes';
export const REQUEST_EXAMPLE_EXTENSION = 'x-request-example';

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 503: 'Service unavailable' };

/** Documents one route: summary, every success answer from its zod schema, its error codes. */
export function Documented(doc: RouteDoc): MethodDecorator {
  const responses = Object.entries(doc.answers).map(([status, answer]) => {
    const { description, content } =
      'content' in answer ? answer : { description: undefined, content: { 'application/json': answer } };
    return ApiResponse({
      status: Number(status),
      description: description ?? STATUS_TEXT[Number(status)] ?? status,
      content: Object.fromEntries(
        Object.entries(content).map(([type, schema]) => [type, { schema: jsonSchemaOf(schema, 'output') }]),
      ),
    });
  });
  return applyDecorators(
    ApiOperation({ summary: doc.summary, ...(doc.description ? { description: doc.description } : {}) }),
    ...responses,
    ApiExtension(ERROR_CODES_EXTENSION, doc.errors ?? []),
    ...(doc.example === undefined ? [] : [ApiExtension(REQUEST_EXAMPLE_EXTENSION, doc.example)]),
  );
}
