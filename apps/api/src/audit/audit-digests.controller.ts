import { Controller, Get, HttpException, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, digestsAfter, latestDigest, MAX_PAGE_SIZE, signingKeys } from '#audit';
import { Allowed, Public } from '../auth/roles.js';
import { ZodPipe } from '../http/zod-body.pipe.js';

/** The pool the digests are read from (the runtime login's; the audit schema grants it SELECT). */
export const DIGESTS_POOL = Symbol('DigestsPool');

const wholeNumber = z
  .string()
  .regex(/^\d{1,15}$/, 'A non-negative whole number')
  .transform(Number);

const digestsQuery = z.strictObject({
  after: wholeNumber.optional(),
  limit: wholeNumber
    .refine((n) => n >= 1 && n <= MAX_PAGE_SIZE, `1 to ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
});

/** Signed log digests and the keys that verify them (SPEC §7.1). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditDigestsController {
  constructor(@Inject(DIGESTS_POOL) private readonly pool: Pool) {}

  @Get('digests')
  @Allowed('auditor')
  @ApiOperation({
    summary: 'Signed log digests in position order, paged like /audit/events (SPEC §7.1)',
    description:
      'Answers { digests: [{ position, eventCount, logHash, issuedAt, keyId, signature }…], next }; pass next as `after`.',
  })
  @ApiQuery({ name: 'after', required: false, description: 'Global position, exclusive; default 0' })
  @ApiQuery({
    name: 'limit',
    required: false,
    description: `Digests per page, 1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}`,
  })
  async digests(@Query(new ZodPipe(digestsQuery)) q: z.output<typeof digestsQuery>) {
    const found = await digestsAfter(this.pool, q.after ?? 0, q.limit + 1);
    const digests = found.slice(0, q.limit);
    return { digests, next: found.length > q.limit ? digests.at(-1)!.position : null };
  }

  @Get('digests/latest')
  @Allowed('auditor')
  @ApiOperation({ summary: 'The latest signed log digest; 404 DIGEST_NOT_FOUND before the first one' })
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
  @ApiOperation({
    summary:
      'JWK set of every key that signed digests (kty OKP, crv Ed25519, kid = keyId); old keys stay listed',
  })
  async publicKeys() {
    return { keys: await signingKeys(this.pool) };
  }
}
