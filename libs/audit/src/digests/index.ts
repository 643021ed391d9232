// Signed log digests (SPEC §7.1): the log hash, Ed25519 signatures, the issuer, verification.
export { EMPTY_LOG_HASH, extendLogHash } from './log-hash.js';
export {
  signDigest,
  signedBytes,
  digestSignatureValid,
  type LogDigest,
  type SigningJwk,
  type UnsignedDigest,
} from './digest.js';
export { loadSigningKey, signingKeyFrom, GENERATED_KEY_FILE, type SigningKey } from './signing-key.js';
export {
  digestsAfter,
  latestDigest,
  signingKeys,
  recordSigningKey,
  readDigestCheckpoint,
} from './digest-rows.js';
export { DigestIssuer, issueDigest, type DigestIssuerOptions } from './digest-issuer.js';
export { DigestStatus } from './digest-status.js';
export {
  verifyDigests,
  parseDigests,
  type DigestReport,
  type DigestDivergence,
  type DigestDivergenceReason,
} from './verify-digests.js';
export { migrateAudit, auditMigrations } from './migrate-audit.js';
