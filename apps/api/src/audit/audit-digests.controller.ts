import { Controller, Get, HttpException, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { z } from 'zod';
import { digestsAfter, latestDigest, signingKeys } from '#audit';
import { Allowed, Public } from '../auth/roles.js';
import { Documented } from '../http/openapi/documented.js';
import { auditDigestsDocs as docs, digestsQuery } from './audit-digests.openapi.js';

/** The pool the digests are read from (the runtime login's; the audit schema grants it SELECT). */
export const DIGESTS_POOL = Symbol('DigestsPool');

/** Signed log digests and the keys that verify them (SPEC §7.1). */
@ApiTags('audit')
@Controller('audit')
export class AuditDigestsController {
  constructor(@Inject(DIGESTS_POOL) private readonly pool: Pool) {}

  @Get('digests')
  @Allowed('auditor')
  @ApiBearerAuth()
  @Documented(docs.digests)
  async digests(@Query({ schema: digestsQuery }) q: z.output<typeof digestsQuery>) {
    const found = await digestsAfter(this.pool, q.after ?? 0, q.limit + 1);
    const digests = found.slice(0, q.limit);
    return { digests, next: found.length > q.limit ? digests.at(-1)!.position : null };
  }

  @Get('digests/latest')
  @Allowed('auditor')
  @ApiBearerAuth()
  @Documented(docs.latest)
  async latest() {
    const digest = await latestDigest(this.pool);
    if (!digest)
      throw new HttpException(
        { statusCode: 404, code: 'DIGEST_NOT_FOUND', message: 'No digest has been issued yet' },
        404,
      );
    return digest;
  }

  @Get('public-keys')
  @Public()
  @Documented(docs.publicKeys)
  async publicKeys() {
    return { keys: await signingKeys(this.pool) };
  }
}
