import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { ApiModule, type ApiModuleOptions } from './api.module.js';
import { buildOpenApiDocument } from './http/openapi/openapi-document.js';
import { correlationId } from './http/correlation-id.middleware.js';
import { deferMalformedJson } from './http/deferred-body-error.js';
import { requestLog } from './http/request-log.middleware.js';
import { PinoNestLogger } from './http/pino-nest-logger.js';
import type { Logger } from 'pino';
import { serveConsole } from './console/serve-console.js';

/** Builds the HTTP application (not yet listening): body limits, correlation ids, OpenAPI at /docs. */
export async function createApiApp(
  options: ApiModuleOptions & { logger: Logger; consoleDir?: string },
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(options), {
    bodyParser: false,
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
  });
  app.use(correlationId);
  app.use(requestLog(options.logger));
  app.useBodyParser('json', { limit: '256kb' });
  app.use(deferMalformedJson);
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', raw: ['json'] });
  if (options.consoleDir) serveConsole(app, options.consoleDir);
  return app;
}
