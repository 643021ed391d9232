import type { OpenAPIObject, OperationObject, ParameterObject, ResponseObject } from '@nestjs/swagger';
import { z } from 'zod';
import { API_ERROR_STATUS, errorAnswer } from './error-codes.js';
import { ERROR_CODES_EXTENSION, REQUEST_EXAMPLE_EXTENSION } from './documented.js';
import { jsonSchemaOf } from './zod-json-schema.js';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

const correlationId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/)
  .meta({
    description:
      'Ties the request to its events and log lines; one is made when absent or not of this form, and echoed',
  });

const parameters: Record<string, ParameterObject> = {
  CorrelationId: {
    name: 'X-Correlation-Id',
    in: 'header',
    required: false,
    schema: jsonSchemaOf(correlationId, 'input'),
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Per caller (token sub): the same key with the same body answers the first answer and appends nothing; ' +
      'with another body, 422 IDEMPOTENCY_KEY_REUSED',
    schema: { type: 'string', minLength: 1 },
  },
};

const answeredCorrelationId = {
  'X-Correlation-Id': {
    description: 'The request’s correlation id (sent or made)',
    schema: { type: 'string' },
  },
};

/**
 * What every route shares, added from the operation's shape so no route can forget it: the
 * correlation and idempotency headers, `security: []` on public routes, and the error answers —
 * the route's own codes (`@Documented({ errors })`) with the common ones, grouped by status.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) completeOperation(operation, method);
    }
  }
  return document;
}

function completeOperation(operation: OperationObject, method: (typeof METHODS)[number]): void {
  const isPublic = !operation.security || operation.security.length === 0;
  const isCommand = method !== 'get';
  const extended = operation as OperationObject & {
    [ERROR_CODES_EXTENSION]?: string[];
    [REQUEST_EXAMPLE_EXTENSION]?: unknown;
  };
  const own = extended[ERROR_CODES_EXTENSION] ?? [];
  const example = extended[REQUEST_EXAMPLE_EXTENSION];
  delete extended[ERROR_CODES_EXTENSION];
  delete extended[REQUEST_EXAMPLE_EXTENSION];
  const json =
    operation.requestBody && 'content' in operation.requestBody
      ? operation.requestBody.content['application/json']
      : undefined;
  if (json && example !== undefined) json.example = example;
  const hasInput = (operation.parameters ?? []).length > 0 || operation.requestBody !== undefined;
  const codes = [
    ...(isPublic ? [] : ['UNAUTHENTICATED', 'FORBIDDEN']),
    ...(hasInput ? ['VALIDATION_FAILED'] : []),
    ...(operation.requestBody ? ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] : []),
    ...(isCommand ? ['CONCURRENCY_CONFLICT', 'IDEMPOTENCY_KEY_REUSED', 'COMMANDS_BUSY'] : []),
    // Per caller (token sub), past RATE_LIMIT_PER_SECOND: 429 with Retry-After.
    ...(isPublic ? [] : ['RATE_LIMITED']),
    ...own,
    // PostgreSQL away (refused, cut, timed out): 503 with Retry-After, details.outcome "unknown"
    // when a command's commit was sent and its answer lost.
    ...(isPublic ? [] : ['DATABASE_UNAVAILABLE']),
    'INTERNAL_ERROR',
  ];
  operation.parameters = [
    ...(operation.parameters ?? []),
    parameters.CorrelationId,
    ...(isCommand ? [parameters.IdempotencyKey] : []),
  ];
  operation.security = isPublic ? [] : operation.security;
  for (const [status, withStatus] of groupByStatus(codes)) {
    operation.responses[status] = {
      description: withStatus.join(', '),
      content: { 'application/json': { schema: jsonSchemaOf(errorAnswer(status, withStatus), 'output') } },
    };
  }
  for (const response of Object.values(operation.responses) as ResponseObject[]) {
    response.headers = { ...response.headers, ...answeredCorrelationId };
  }
}

function groupByStatus(codes: string[]): Map<number, string[]> {
  const byStatus = new Map<number, string[]>();
  for (const code of new Set(codes)) {
    const status = API_ERROR_STATUS[code];
    if (status === undefined) throw new Error(`OpenAPI: no status for error code ${code}`);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}
