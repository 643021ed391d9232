import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { ApiModule, type ApiModuleOptions } from './api.module.js';
import { buildOpenApiDocument } from './http/openapi/openapi-document.js';
import { correlationId } from './http/correlation-id.middleware.js';
import { deferMalformedJson } from './http/deferred-body-error.js';
import { requestLog } from './http/request-log.middleware.js';
import { PinoNestLogger } from './http/pino-nest-logger.js';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { serveConsole, type ConsoleSignIn } from './console/serve-console.js';
import { JwtVerifier } from './auth/jwt-verifier.js';
import { authenticateEarly, parsesBody } from './http/authenticate-early.js';
import { checkJsonBody } from './http/json-body-checks.js';
import { DEFAULT_RATE_LIMIT, rateLimit, type RateLimit } from './http/rate-limit.js';
import { securityHeaders } from './http/security-headers.js';

/** Limits against slow and abusive clients (issue 19); each has a configuration variable (README, Security). */
export interface HttpLimits {
  rateLimit?: RateLimit;
  /** Whole request (headers and body) must arrive within this (HTTP_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Headers must arrive within this (HTTP_HEADERS_TIMEOUT_MS). */
  headersTimeoutMs?: number;
}

/** Builds the HTTP application (not yet listening): body limits, correlation ids, OpenAPI at /docs. */
export async function createApiApp(
  options: ApiModuleOptions & {
    logger: Logger;
    limits?: HttpLimits;
    console?: { dir: string; signIn: ConsoleSignIn };
  },
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(options), {
    bodyParser: false,
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
  });
  const limits = options.limits ?? {};
  app.use(securityHeaders);
  app.use(correlationId);
  app.use(requestLog(options.logger));
  app.use(authenticateEarly(app.get(JwtVerifier)));
  app.use(rateLimit(limits.rateLimit ?? DEFAULT_RATE_LIMIT));
  app.useBodyParser('json', { limit: '256kb', type: parsesBody });
  app.use(deferMalformedJson);
  app.use(checkJsonBody);
  const server = app.getHttpServer() as Server & { connectionsCheckingInterval: number };
  server.requestTimeout = limits.requestTimeoutMs ?? 30_000;
  server.headersTimeout = limits.headersTimeoutMs ?? 10_000;
  // Node checks both timeouts on this interval (30 s by default): a timeout of 2 s would act at 30.
  server.connectionsCheckingInterval = Math.min(1000, server.headersTimeout);
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', raw: ['json'] });
  if (options.console) serveConsole(app, options.console.dir, options.console.signIn);
  return app;
}
