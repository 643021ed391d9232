import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { completeDocument } from './openapi-completion.js';
import { jsonSchemaOf, zodConverter } from './zod-json-schema.js';

/**
 * The OpenAPI 3.1 document served at /docs-json, generated from the routes' zod schemas (OpenAPI
 * 3.1's schemas are JSON Schema 2020-12, zod's own output). To document a new route: declare its
 * request schemas on its parameters (`@Body({ schema })`, `@Query({ schema })`,
 * `@Param('id', { schema: id })`) and its answers and own error codes in `@Documented({ … })`;
 * test/api/openapi-document.e2e.spec.ts then checks it against what the route answers.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Caseledger')
    .setDescription(
      'Event-sourced case handling for the customer-service department. Errors answer { statusCode, code, message, details? }.',
    )
    .setVersion('1')
    .addServer('/', 'The deployment serving this document')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'HS256 JWT with sub and roles',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config, { standardSchemaConverter: zodConverter });
  document.paths['/docs'] = {
    get: documentation('The API documentation, for people (Swagger UI)', 'text/html', z.string()),
  };
  document.paths['/docs-json'] = {
    get: documentation(
      'This OpenAPI document, for tools',
      'application/json',
      z.looseObject({ openapi: z.string() }),
    ),
  };
  return completeDocument(document);
}

function documentation(summary: string, type: string, body: z.ZodType) {
  return {
    summary,
    operationId: `Docs_${type.replace(/\W/g, '_')}`,
    tags: ['operations'],
    security: [],
    responses: { 200: { description: 'OK', content: { [type]: { schema: jsonSchemaOf(body, 'output') } } } },
  };
}
