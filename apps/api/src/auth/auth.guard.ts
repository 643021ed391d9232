import { MAX_IDEMPOTENCY_KEY_LENGTH } from '#config';
import {
  BadRequestException,
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './roles.js';
import type { CallerRequest } from './caller.js';
import { JwtVerifier } from './jwt-verifier.js';
import { requestHash } from '../http/request-hash.js';

/**
 * Runs before validation on every route, so the order of checks is 401, 403, then 400 (SPEC §3).
 * A route without @Allowed is closed to everyone but admin: forgetting it fails safe.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<CallerRequest>();
    const claims = request.claims !== undefined ? request.claims : await this.verifiedClaims(request);
    if (!claims) {
      throw new UnauthorizedException({
        statusCode: 401,
        code: 'UNAUTHENTICATED',
        message: 'A valid Bearer token is required',
      });
    }
    const allowed = this.reflector.getAllAndOverride<string[]>(ALLOWED_ROLES, targets) ?? [];
    if (!claims.roles.includes('admin') && !claims.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenException({
        statusCode: 403,
        code: 'FORBIDDEN',
        message: `This route needs one of the roles: ${[...allowed, 'admin'].join(', ')}`,
      });
    }
    if (request.bodyError) throw request.bodyError;
    const key = request.headers['idempotency-key'];
    if (typeof key === 'string' && key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw new BadRequestException({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request is not valid',
        details: [{ path: 'Idempotency-Key', message: `At most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` }],
      });
    }
    const response = context.switchToHttp().getResponse<Response>();
    let gone = false;
    response.once('close', () => (gone = !response.writableFinished));
    request.caller = {
      id: claims.sub,
      roles: claims.roles,
      correlationId: request.correlationId ?? '',
      idempotencyKey: typeof key === 'string' && key.length > 0 ? key : undefined,
      requestHash: requestHash(request),
      abandoned: () => gone,
    };
    return true;
  }

  private verifiedClaims(request: CallerRequest) {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    return match ? this.verifier.verify(match[1]!) : null;
  }
}
