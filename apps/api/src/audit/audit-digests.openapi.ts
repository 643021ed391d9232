import { z } from 'zod';
import { count, instant, position } from '../http/openapi/answers.js';
import type { RouteDoc } from '../http/openapi/documented.js';
import { positionPage } from './audit-events.query.js';

/** `GET /audit/digests` query: paged by position, as `/audit/events` is. */
export const digestsQuery = z.strictObject(positionPage('Digests'));

const digest = z.object({
  position,
  eventCount: count,
  logHash: z.string().regex(/^[0-9a-f]{64}$/),
  issuedAt: instant,
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z
    .string()
    .meta({ description: 'Ed25519 over the RFC 8785 JSON of the five other members, base64url' }),
});

const jwks = z.object({
  keys: z.array(
    z.object({
      kty: z.literal('OKP'),
      crv: z.literal('Ed25519'),
      kid: z.string(),
      x: z.string(),
      alg: z.literal('EdDSA'),
      use: z.literal('sig'),
    }),
  ),
});

/** SPEC §7.1: the digests and the keys that verify them. */
export const auditDigestsDocs = {
  digests: {
    summary: 'Signed log digests in position order, paged like /audit/events (SPEC §7.1)',
    description: 'Pass next as `after` for the following page; null on the last page.',
    answers: { 200: z.object({ digests: z.array(digest), next: position.nullable() }) },
  },
  latest: {
    summary: 'The latest signed log digest',
    answers: { 200: digest },
    errors: ['DIGEST_NOT_FOUND'],
  },
  publicKeys: {
    summary:
      'JWK set of every key that signed digests (kty OKP, crv Ed25519, kid = keyId); old keys stay listed',
    answers: { 200: jwks },
  },
} satisfies Record<string, RouteDoc>;
