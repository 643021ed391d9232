import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '#event-store';

/** A signed digest of the log (SPEC §7.1): the members in the spec's order. */
export interface LogDigest {
  /** Global position of the last event covered. */
  position: number;
  eventCount: number;
  logHash: string;
  /** ISO-8601 UTC, three fractional digits (SPEC §3). */
  issuedAt: string;
  keyId: string;
  /** Ed25519 over the RFC 8785 JSON of the five other members, base64url without padding. */
  signature: string;
}

export type UnsignedDigest = Omit<LogDigest, 'signature'>;

/** The bytes the signature covers: RFC 8785 JSON of exactly the five other members. */
export function signedBytes(digest: UnsignedDigest): Buffer {
  const { position, eventCount, logHash, issuedAt, keyId } = digest;
  return Buffer.from(canonicalJson({ position, eventCount, logHash, issuedAt, keyId }), 'utf8');
}

export function signDigest(digest: UnsignedDigest, privateKey: KeyObject): LogDigest {
  const { position, eventCount, logHash, issuedAt, keyId } = digest;
  const signature = sign(null, signedBytes(digest), privateKey).toString('base64url');
  return { position, eventCount, logHash, issuedAt, keyId, signature };
}

/** A JWK of the set `GET /audit/public-keys` answers. */
export interface SigningJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export function digestSignatureValid(digest: LogDigest, jwk: Pick<SigningJwk, 'kty' | 'crv' | 'x'>): boolean {
  try {
    const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
    return verify(null, signedBytes(digest), key, Buffer.from(digest.signature, 'base64url'));
  } catch {
    return false;
  }
}
